//! The integration suite: one test binary (each binary that links Oxigraph
//! costs a large link), with one module per concern.

mod cases;
mod cli;
mod distributed;
mod docs;
mod events;
mod inputs;
mod layout;
mod properties;
mod push;
mod reliability;
mod seeds;
mod support;
mod visual;
