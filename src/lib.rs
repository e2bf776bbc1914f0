//! actorgraph turns English news articles into an RDF knowledge graph of
//! political actors and three relations between them (`ag:metWith`,
//! `ag:rejected`, `ag:leads`), each fact tied to the sentence that states it.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`document`]: read files, folders or stdin, decode the text;
//! 2. [`sentences`]: split into sentences with byte offsets, dropping page furniture;
//! 3. [`mentions`]: find gazetteer names (leftmost-longest, folded text, word boundaries);
//! 4. [`resolve`]: names to entities, keeping look-alikes apart, short names and titles;
//! 5. [`relations`]: the rules for metWith, rejected and leads;
//! 6. [`rdf`]: the quads of the document's named graph (the data contract);
//! 7. [`store`] and [`ingest`]: one transaction per document into Oxigraph.
//!
//! [`extract::Extractor`] runs stages 2-5 on a string without any store:
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

pub mod attribution;
pub mod dates;
pub mod discourse;
pub mod discover;
pub mod document;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod fold;
pub mod gazetteer;
pub mod html;
pub mod ingest;
pub mod mentions;
pub mod ontology;
pub mod patterns;
pub mod places;
pub mod provenance;
pub mod query;
pub mod rdf;
pub mod relations;
pub mod resolve;
pub mod sentences;
pub mod store;
pub mod tokens;
pub mod visual;
pub mod vocab;

pub use extract::{Extraction, Extractor, Fact};
pub use ontology::Ontology;
pub use relations::Predicate;
