//! What users read: SPARQL queries and the bundled ones ([`query`]), RDF
//! exports ([`export`]) and the actor network for graph visualizers
//! ([`visual`]).

pub mod export;
pub mod query;
pub mod visual;
