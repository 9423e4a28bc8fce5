//! pledge-explainer: the numbers of an AI-investment pledge story, checked.
//!
//! The core (`dataset`, `model`, `format`, `i18n`, `report`) is plain Rust with no
//! I/O and no wasm imports; `wasm` is the only module that talks to JavaScript.
//! See ARCHITECTURE.md for the map.

pub mod charts;
pub mod dataset;
pub mod decimal;
pub mod escape;
pub mod format;
pub mod grammar;
pub mod html;
pub mod i18n;
pub mod json;
pub mod lang;
pub mod messages;
pub mod model;
pub mod params;
pub mod plural;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use dataset::{Dataset, DatasetError};
pub use format::Locale;
pub use lang::Lang;
pub use model::{compute, Assumptions, Figures, Knob};
pub use report::Report;
