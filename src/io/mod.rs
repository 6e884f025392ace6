//! Reading and writing text: numpy's loadtxt tokenizer and number parsing (`text`), and
//! genfromtxt's line splitter and converters (`gentext`), and the bulk of fromstring's text
//! mode (`fromstr`); the release of a replaced file's descriptor off the calling thread
//! (`files`).

pub mod dragon4;
pub mod files;
pub mod fromstr;
pub mod gentext;
pub mod text;
