//! The board's columns and cards, kept in memory (a database would come next).
use axum::{Json, Router, extract::State, http::StatusCode, routing::get};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};

#[derive(Clone, Serialize, Deserialize)]
pub struct Card {
    pub title: String,
    pub column: String,
}

type Board = Arc<Mutex<Vec<Card>>>;

pub fn routes() -> Router {
    let board: Board = Arc::new(Mutex::new(vec![Card { title: "Replace pump, site 14".into(), column: "today".into() }]));
    Router::new().route("/cards", get(list).post(add)).with_state(board)
}

async fn list(State(board): State<Board>) -> Json<Vec<Card>> {
    Json(board.lock().unwrap().clone())
}

async fn add(State(board): State<Board>, Json(card): Json<Card>) -> (StatusCode, Json<Card>) {
    if card.title.trim().is_empty() {
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(card));
    }
    board.lock().unwrap().push(card.clone());
    (StatusCode::CREATED, Json(card))
}
