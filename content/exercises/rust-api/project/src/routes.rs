//! HTTP routes: a health check for the orchestrator and the list of services.

use axum::{routing::get, Json, Router};
use serde::Serialize;

#[derive(Serialize)]
pub struct Service {
    name: &'static str,
    state: &'static str,
}

const SERVICES: &[Service] = &[
    Service { name: "web", state: "operational" },
    Service { name: "api", state: "operational" },
    Service { name: "webhooks", state: "degraded" },
];

pub fn router() -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/services", get(services))
}

async fn health() -> &'static str {
    "ok"
}

async fn services() -> Json<&'static [Service]> {
    Json(SERVICES)
}
