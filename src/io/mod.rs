//! Reading and writing text: numpy's loadtxt tokenizer and number parsing (`text`), and
//! genfromtxt's line splitter and converters (`gentext`).

pub mod gentext;
pub mod text;
