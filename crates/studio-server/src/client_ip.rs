//! The client's address: the connection's peer, or, only when the operator said the server is
//! behind a proxy that sets it (`trust_forwarded_for`), the last address in `X-Forwarded-For` (the
//! one the proxy added; earlier entries are the client's to choose).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::error::PageError;
use crate::state::AppState;

/// Extractor: who sent this request, for the rate limits and the visitor's actor id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .ok_or_else(|| PageError::Internal("no ConnectInfo on the request".into()))?;
        if !state.config().trust_forwarded_for {
            return Ok(ClientIp(peer));
        }
        Ok(ClientIp(forwarded(&parts.headers).unwrap_or(peer)))
    }
}

/// The last `X-Forwarded-For` entry (of the last such header), if it parses.
fn forwarded(headers: &axum::http::HeaderMap) -> Option<IpAddr> {
    let last = headers.get_all("x-forwarded-for").iter().next_back()?;
    let entry = last.to_str().ok()?.rsplit(',').next()?.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxys_entry_is_the_last() {
        let mut h = axum::http::HeaderMap::new();
        h.insert("x-forwarded-for", "6.6.6.6, 10.1.2.3".parse().unwrap());
        assert_eq!(forwarded(&h), Some("10.1.2.3".parse().unwrap()));
        h.insert("x-forwarded-for", "garbage".parse().unwrap());
        assert_eq!(forwarded(&h), None);
    }
}
