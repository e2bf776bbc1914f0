//! What users read: SPARQL queries and the bundled ones ([`query`]), RDF
//! exports ([`export`]), the actor network for graph visualizers
//! ([`visual`]) and the graphs sent to a team's triplestore ([`push`]).

pub mod export;
pub mod push;
pub mod query;
pub mod visual;
