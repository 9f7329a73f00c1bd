//! The structure of an API from the official Python SDK's classes (`alipay-sdk-python`).

use std::path::Path;

use crate::model::Draft;

/// Why the SDK could not give the API's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonError(pub String);

impl std::fmt::Display for PythonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PythonError {}

/// The structure of `method` from the SDK unpacked at `sdk_dir`.
pub fn import(sdk_dir: &Path, method: &str) -> Result<Draft, PythonError> {
    Err(PythonError(format!(
        "reading {method} from {} is not implemented yet",
        sdk_dir.display()
    )))
}
