//! Any gazetteer text: the loader returns an error or an ontology, never
//! panics, and a loaded gazetteer can run the extractor.
#![no_main]

use actorgraph::{Extractor, Ontology};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(ontology) = Ontology::with_gazetteer(&text) {
        let _ = Extractor::new(&ontology).extract("Ahmad Massoud met the Taliban in Tehran. The NRF is led by Ahmad Massoud.");
    }
});
