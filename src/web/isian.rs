//! A submitted HTML form as its fields. axum's own extractor refuses a body that is not a form
//! with English text; this one says it in Indonesian, with the same status.

use std::collections::HashMap;

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// The fields of an `application/x-www-form-urlencoded` body, each name once.
pub struct Isian(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequest<S> for Isian {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<HashMap<String, String>>::from_request(req, state).await {
            Ok(axum::Form(f)) => Ok(Isian(f)),
            Err(e) => {
                let status = e.status();
                let pesan = match status {
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                        "isian harus dikirim sebagai formulir \
                         (Content-Type: application/x-www-form-urlencoded)"
                    }
                    StatusCode::PAYLOAD_TOO_LARGE => "isian terlalu besar",
                    _ => "isian formulir tidak dapat dibaca",
                };
                Err((status, pesan).into_response())
            }
        }
    }
}
