//! Reading text: files, folders, stdin and JSON Lines into documents
//! ([`document`], with HTML pages through [`html`]); sentences with byte
//! offsets ([`sentences`]); folding for matching ([`fold`]) and tokens
//! ([`tokens`]).
//!
//! The lowest stage: it imports nothing else of the crate.

pub mod calendar;
pub mod document;
pub mod fold;
pub mod html;
pub mod sentences;
pub mod tokens;
