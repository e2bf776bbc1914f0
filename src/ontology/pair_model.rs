//! The learned pair model (`pair-model.tsv`): weights of a linear model that
//! scores whether a sentence naming two actors reports that they met.
//!
//! The rules of `relations/` find the constructions they name; this model is
//! the fallback for the pairs no rule linked. Its features are the words
//! around and between the two names (`relations::pairs` makes them), so the
//! model, like the rules' word lists, is data: `examples/train_pairs.rs`
//! learns it from the annotated real-news articles of the development
//! conflicts, and a folder given with `--ontology` may carry its own.
//!
//! The file is `feature<TAB>weight` per line; `#` starts a comment. Two
//! entries are settings, not features: `@bias`, added to every score, and
//! `@threshold`, the probability a pair needs to become a fact.

use anyhow::{bail, Result};
use std::collections::HashMap;

/// A linear model over string features, read from `pair-model.tsv`.
#[derive(Debug, Clone)]
pub struct PairModel {
    weights: HashMap<String, f64>,
    bias: f64,
    /// The probability a pair needs; above 1 when the model is empty, so
    /// that an empty file turns the fallback off.
    pub threshold: f64,
}

impl Default for PairModel {
    /// The empty model: it adds no fact.
    fn default() -> PairModel {
        PairModel { weights: HashMap::new(), bias: 0.0, threshold: 2.0 }
    }
}

impl PairModel {
    /// Parses the TSV text of a model; `name` is for error messages.
    ///
    /// ```
    /// use actorgraph::ontology::pair_model::PairModel;
    /// let m = PairModel::parse("@bias\t-2\n@threshold\t0.5\nb:met\t3\n", "model").unwrap();
    /// assert!(m.probability(["b:met"]) > 0.5);
    /// assert!(m.probability(["b:said"]) < 0.5);
    /// ```
    pub fn parse(text: &str, name: &str) -> Result<PairModel> {
        let mut model = PairModel::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((feature, weight)) = line.rsplit_once('\t') else {
                bail!("{name}:{}: expected `feature<TAB>weight`", n + 1);
            };
            let Ok(weight) = weight.trim().parse::<f64>() else {
                bail!("{name}:{}: `{}` is not a number", n + 1, weight.trim());
            };
            match feature {
                "@bias" => model.bias = weight,
                "@threshold" => model.threshold = weight,
                _ => {
                    model.weights.insert(feature.to_string(), weight);
                }
            }
        }
        Ok(model)
    }

    /// Whether the model has any feature weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The model's probability for a pair with these features.
    pub fn probability<I: IntoIterator<Item = S>, S: AsRef<str>>(&self, features: I) -> f64 {
        let z = self.bias + features.into_iter().filter_map(|f| self.weights.get(f.as_ref())).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}
