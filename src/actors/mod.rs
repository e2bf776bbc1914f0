//! Finding actors: gazetteer names in a sentence ([`mentions`]), names to
//! entities with look-alikes kept apart ([`resolve`]), actors the
//! gazetteer does not list ([`discover`]) with what the document's own
//! spelling says about its words ([`document_words`]), whether two names are
//! spellings of one actor ([`spelling`]), and the names an article gives an
//! actor itself ("X, known as Y": [`nicknames`]).
//!
//! Takes sentences (from `text`) and the gazetteer (from `ontology`); gives
//! resolved mentions to the relation rules.

pub mod discover;
pub mod document_words;
pub mod mentions;
pub mod nicknames;
pub mod resolve;
pub mod spelling;
