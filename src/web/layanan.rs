//! The connection loop: hyper's HTTP/1 server with the limits one slow or hostile client must
//! not be able to get around — a deadline for request headers (which also closes idle
//! keep-alive connections), a cap on open connections, and a deadline for shutting down.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// A client must send a request's headers within this time (and an idle connection is closed
/// after it).
pub const BATAS_KEPALA: Duration = Duration::from_secs(20);
/// Connections open at once; further clients wait in the listen backlog. Well under the usual
/// limit of 1,024 open files.
pub const MAKS_KONEKSI: usize = 512;
/// After Ctrl-C or SIGTERM, requests in flight get this long to finish.
pub const BATAS_BERHENTI: Duration = Duration::from_secs(20);

/// Serves `app` on `listener` until `berhenti` completes, then lets requests in flight finish
/// (at most [`BATAS_BERHENTI`]).
pub async fn layani(listener: TcpListener, app: Router, berhenti: impl Future<Output = ()>) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(BATAS_KEPALA)
        .keep_alive(true);
    let anggun = GracefulShutdown::new();
    let izin = Arc::new(Semaphore::new(MAKS_KONEKSI));
    tokio::pin!(berhenti);
    loop {
        let giliran = tokio::select! {
            g = izin.clone().acquire_owned() => g,
            () = &mut berhenti => break,
        };
        let Ok(giliran) = giliran else { break };
        let tcp = tokio::select! {
            r = listener.accept() => match r {
                Ok((tcp, _)) => tcp,
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!("koneksi tidak dapat diterima: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut berhenti => break,
        };
        let _ = tcp.set_nodelay(true);
        // The peer's address travels with each request (sign-in limits count per address).
        let peer = tcp.peer_addr().ok();
        let layanan = tower::ServiceExt::map_request(
            app.clone(),
            move |mut req: axum::http::Request<hyper::body::Incoming>| {
                if let Some(p) = peer {
                    req.extensions_mut().insert(axum::extract::ConnectInfo(p));
                }
                req
            },
        );
        let koneksi = http.serve_connection(TokioIo::new(tcp), TowerToHyperService::new(layanan));
        let koneksi = anggun.watch(koneksi);
        tokio::spawn(async move {
            let _ = koneksi.await;
            drop(giliran);
        });
    }
    drop(listener);
    tokio::select! {
        () = anggun.shutdown() => {}
        () = tokio::time::sleep(BATAS_BERHENTI) => {
            tracing::warn!(
                "berhenti setelah {} detik; permintaan yang belum selesai diputus",
                BATAS_BERHENTI.as_secs()
            );
        }
    }
}
