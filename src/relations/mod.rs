//! Relation extraction: `ag:metWith`, `ag:rejected` and `ag:leads`, roles and
//! family, one sentence at a time, with what earlier sentences established.
//!
//! Takes a sentence's tokens and resolved actor mentions; gives [`Output`]:
//! the relations found, the roles, and what later sentences may draw on.
//!
//! The rules work on the shared sentence model ([`model`]: units, and
//! [`clauses`]: clauses, coordination, apposition; [`modality`]: whether a
//! relation is reported as real). Each relation has a file that reads as a
//! list of the constructions it matches: [`meetings`] (with
//! [`participants`] for who else took part, [`objects`] for who was
//! met and [`trips`] for talks at a trip's end), [`rejections`],
//! [`leadership`], [`roles`]. The words are data (`patterns.toml`); the
//! shapes are here. Across sentences, [`discourse`] carries speakers, sides
//! and proposals forward, and [`attribution`] finds who a sentence quotes.
//!
//! Imports go one way: `facts` <- `discourse` <- `model` <- the rule files.

pub mod attribution;
mod clauses;
mod coordination;
pub mod discourse;
pub mod facts;
mod handing;
mod leadership;
mod meetings;
mod modality;
mod model;
mod objects;
mod participants;
mod rejections;
mod roles;
mod trips;

pub use facts::{Found, Output, Predicate, Role};
pub use model::extract;
