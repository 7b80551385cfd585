//! The fieldboard service: `/api/*` is JSON, everything else is the Vite build served from
//! STATIC_DIR (default `web/dist`, as in the repository), with index.html for client routes.
mod board;

use axum::{Router, routing::get};
use std::{env, io::{Read, Write}, net::{SocketAddr, TcpStream}, process::ExitCode, time::Duration};
use tower_http::{compression::CompressionLayer, services::{ServeDir, ServeFile}, trace::TraceLayer};

/// `fieldboard healthcheck`: asks the running server for /api/health and exits 0 on a 200.
/// It lets a HEALTHCHECK work on an image with no shell, curl or wget (distroless, scratch).
fn healthcheck(port: u16) -> ExitCode {
    let ok = (|| -> std::io::Result<bool> {
        let mut stream = TcpStream::connect_timeout(&SocketAddr::from(([127, 0, 0, 1], port)), Duration::from_secs(2))?;
        stream.set_read_timeout(Some(Duration::from_secs(2)))?;
        stream.write_all(b"GET /api/health HTTP/1.0\r\nHost: localhost\r\n\r\n")?;
        let mut head = [0u8; 12];
        stream.read_exact(&mut head)?;
        Ok(head.ends_with(b" 200"))
    })();
    if matches!(ok, Ok(true)) { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn main() -> ExitCode {
    let port: u16 = env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    if env::args().nth(1).as_deref() == Some("healthcheck") {
        return healthcheck(port);
    }
    serve(port);
    ExitCode::SUCCESS
}

#[tokio::main]
async fn serve(port: u16) {
    tracing_subscriber::fmt()
        .with_env_filter(env::var("RUST_LOG").unwrap_or_else(|_| "info".into()))
        .init();

    let static_dir = env::var("STATIC_DIR").unwrap_or_else(|_| "web/dist".into());
    let spa = ServeDir::new(&static_dir).fallback(ServeFile::new(format!("{static_dir}/index.html")));

    let app = Router::new()
        .route("/api/health", get(|| async { "ok" }))
        .nest("/api/board", board::routes())
        .fallback_service(spa)
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http());

    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([0, 0, 0, 0], port))).await.unwrap();
    tracing::info!("fieldboard listening on :{port}, static files from {static_dir}");
    // docker stop sends SIGTERM: stop accepting connections and let requests in flight finish.
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).unwrap();
            term.recv().await;
        })
        .await
        .unwrap();
}
