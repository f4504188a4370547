//! Listening: bind the address (plain HTTP, or TLS with the configured certificate through
//! rustls), serve the router with each connection's peer address, stop gracefully when asked
//! (SIGTERM, Ctrl-C: in-flight requests get up to [`GRACE`] to finish).

use std::net::SocketAddr;
use std::time::Duration;

use axum_server::tls_rustls::RustlsConfig;
use axum_server::Handle;
use studio_core::Store;
use tokio::task::JoinHandle;

use crate::config::Config;
use crate::router::router;
use crate::state::AppState;

/// How long in-flight requests may take after a stop was asked for.
pub const GRACE: Duration = Duration::from_secs(10);

/// Why the server could not start or stopped with an error (Chinese, for the operator).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ServeError(pub String);

/// A running server.
pub struct Running {
    /// The address it listens on (the real port when the configured one was 0).
    pub addr: SocketAddr,
    handle: Handle,
    task: JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Ask it to stop: no new connections, in-flight requests finish within [`GRACE`].
    pub fn shutdown(&self) {
        self.handle.graceful_shutdown(Some(GRACE));
    }

    /// Wait until it has stopped.
    pub async fn wait(self) -> Result<(), ServeError> {
        match self.task.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(ServeError(format!("服务异常停止：{e}"))),
            Err(e) => Err(ServeError(format!("服务异常停止：{e}"))),
        }
    }
}

/// Bind `config.addr` and start serving `store`; returns once it listens.
pub async fn start(config: Config, store: Store) -> Result<Running, ServeError> {
    let listener = std::net::TcpListener::bind(config.addr)
        .map_err(|e| ServeError(format!("无法监听 {}：{e}", config.addr)))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| ServeError(format!("无法监听 {}：{e}", config.addr)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServeError(format!("无法监听 {}：{e}", config.addr)))?;
    let tls = match (&config.tls_cert, &config.tls_key) {
        (Some(cert), Some(key)) => {
            let _ = rustls::crypto::ring::default_provider().install_default();
            Some(RustlsConfig::from_pem_file(cert, key).await.map_err(|e| {
                ServeError(format!(
                    "无法读取 TLS 证书或私钥（{}，{}）：{e}",
                    cert.display(),
                    key.display()
                ))
            })?)
        }
        _ => None,
    };
    let app =
        router(AppState::new(store, config)).into_make_service_with_connect_info::<SocketAddr>();
    let handle = Handle::new();
    let h = handle.clone();
    let task = match tls {
        Some(tls) => tokio::spawn(async move {
            axum_server::from_tcp_rustls(listener, tls)
                .handle(h)
                .serve(app)
                .await
        }),
        None => {
            tokio::spawn(async move { axum_server::from_tcp(listener).handle(h).serve(app).await })
        }
    };
    Ok(Running { addr, handle, task })
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Start the logs (text or JSON lines to stderr; level from `RUST_LOG`, default `info`). Lines
/// are formatted where they happen and written by a logging thread in batches (one write for
/// all the lines that piled up since the last), so a request does not wait on a write to the
/// terminal or the journal: at 64 connections the write per request cost a fifth of the
/// throughput. Keep the returned guard until the server has stopped: dropping it writes what is
/// left. No line is dropped: when the logging thread falls 128,000 lines behind, requests wait.
pub fn init_logs(json: bool) -> tracing_appender::non_blocking::WorkerGuard {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .thread_name("studio-logs")
        .finish(std::io::BufWriter::new(std::io::stderr()));
    let b = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(writer);
    let _ = if json {
        b.json().try_init()
    } else {
        b.try_init()
    };
    guard
}
