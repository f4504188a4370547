//! `studio serve`: the online studio and the portal over HTTP (crates/studio-server) on the
//! `--db` database. Prints `已启动：http://ADDR` on stdout once it listens (the real port when
//! `--addr` had port 0), logs to stderr, stops gracefully on SIGTERM or Ctrl-C.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use studio_core::storage::lock::DbLock;
use studio_core::{Error, Result, Store};
use studio_server::Config;

#[derive(clap::Args)]
pub struct Args {
    /// 监听地址，默认 127.0.0.1:8080（端口为 0 时任选一个空闲端口）；优先于配置文件和 STUDIO_ADDR
    #[arg(long)]
    addr: Option<SocketAddr>,
    /// 配置文件（TOML，见 README 的运维指南）；环境变量 STUDIO_* 优先于文件
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// `db`: the global `--db` (or `STUDIO_DB`), which wins over the configuration's database.
pub fn run(db: Option<PathBuf>, a: Args) -> Result<()> {
    let mut config = Config::load(a.config.as_deref()).map_err(|e| Error::Invalid(e.0))?;
    if let Some(addr) = a.addr {
        config.addr = addr;
    }
    let path = db
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| config.db_path())
        .unwrap_or_else(studio_core::paths::default_db_path);
    // The desktop app and `studio restore` hold this lock too: one of them at a time.
    let _lock = DbLock::acquire(&path)?;
    let store = Store::open_existing(&path)?;
    serve(config, store, &path)
}

fn serve(config: Config, store: Store, path: &Path) -> Result<()> {
    // Held to the end: dropping it writes the last lines.
    let _logs = studio_server::server::init_logs(config.log_json);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let tls = config.tls_cert.is_some();
        let running = studio_server::start(config, store)
            .await
            .map_err(|e| Error::Invalid(e.0))?;
        let scheme = if tls { "https" } else { "http" };
        println!("已启动：{scheme}://{}", running.addr);
        tracing::info!(addr = %running.addr, db = %path.display(), "网上工作室已启动");
        studio_server::server::stop_signal().await;
        tracing::info!("正在停止（等待进行中的请求完成）");
        running.shutdown();
        running.wait().await.map_err(|e| Error::Invalid(e.0))
    })
}
