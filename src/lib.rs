//! actorgraph turns English news articles into an RDF knowledge graph of
//! political actors and three relations between them (`ag:metWith`,
//! `ag:rejected`, `ag:leads`), each fact tied to the sentence that states it.
//!
//! The folders follow the pipeline; a stage imports only the stages above it
//! in this list:
//!
//! 1. [`text`]: read files, folders or stdin, decode, split into sentences, tokens;
//! 2. [`ontology`]: the vocabulary, the gazetteer, the rule words and places (data a user edits);
//! 3. [`actors`]: find names, resolve them to entities, discover unlisted actors;
//! 4. [`relations`]: the rules for metWith, rejected, leads, roles and family;
//! 5. [`extract`]: stages 1-4 on one document, without any store;
//! 6. [`events`]: meetings as events, with places and dates;
//! 7. [`graph`]: the quads of the data contract, the Oxigraph store, ingest;
//! 8. [`output`]: queries, RDF exports, visual exports; [`eval`] scores a build.
//!
//! [`Extractor`] runs stages 1-5 on a string:
//!
//! ```
//! let ontology = actorgraph::Ontology::builtin().unwrap();
//! let ex = actorgraph::Extractor::new(&ontology)
//!     .extract("The National Resistance Front is led by Ahmad Massoud.");
//! let f = &ex.facts[0];
//! let g = &ontology.gazetteer;
//! assert_eq!(g.entities[f.subject].pref_label, "Ahmad Massoud");
//! assert_eq!(f.predicate.local_name(), "leads");
//! assert_eq!(g.entities[f.object].pref_label, "National Resistance Front");
//! ```

pub mod actors;
pub mod eval;
pub mod events;
pub mod extract;
pub mod graph;
pub mod ontology;
pub mod output;
pub mod relations;
pub mod suggest;
pub mod text;

pub use extract::{Extraction, Extractor, Fact};
pub use ontology::Ontology;
pub use relations::Predicate;
