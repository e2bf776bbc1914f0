//! The graph: the quads of an article's named graph (the data contract,
//! [`rdf`]), the Oxigraph store ([`store`]), ingesting inputs one
//! transaction per article ([`ingest`]), the record of each build
//! ([`provenance`]), the stateless mapper `extract` ([`mapper`]) and the
//! loading of its output ([`load`]).

pub mod ingest;
pub mod load;
pub mod mapper;
pub mod provenance;
pub mod rdf;
pub mod store;
