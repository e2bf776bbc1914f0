//! Finding actors: gazetteer names in a sentence ([`mentions`]), names to
//! entities with look-alikes kept apart ([`resolve`]), actors the
//! gazetteer does not list ([`discover`]), and whether two names are
//! spellings of one actor ([`spelling`]).
//!
//! Takes sentences (from `text`) and the gazetteer (from `ontology`); gives
//! resolved mentions to the relation rules.

pub mod discover;
pub mod mentions;
pub mod resolve;
pub mod spelling;
