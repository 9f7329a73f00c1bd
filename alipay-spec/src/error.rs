//! [`SpecError`] and the collector every phase reports into.

use std::fmt;

use crate::model::Location;

/// One mistake in a spec file, at the line and column of the offending key or value.
///
/// `Display` gives `"{file}:{line}:{col}: {message}"`, the shape compilers use, so editors and
/// terminals can jump to the spot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The file as it was named to the loader, e.g. `specs/alipay.fund.coupon.order.disburse.toml`.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// What is wrong and what is expected.
    pub message: String,
}

impl SpecError {
    /// An error at `location` in `file`.
    pub fn new(file: impl Into<String>, location: Location, message: impl Into<String>) -> Self {
        SpecError {
            file: file.into(),
            line: location.line,
            col: location.col,
            message: message.into(),
        }
    }

    /// The position as a [`Location`].
    pub fn location(&self) -> Location {
        Location {
            line: self.line,
            col: self.col,
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for SpecError {}

/// Maps byte offsets of one text to 1-based line and character column.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The location of byte `offset` (clamped to the text, and back to a char boundary).
    pub(crate) fn location(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Location {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }
}

/// Collects the errors of one file (serde_derive's `Ctxt`): every phase reports here and
/// carries on, so one run shows all mistakes.
#[derive(Debug)]
pub(crate) struct Ctxt {
    file: String,
    errors: Vec<SpecError>,
}

impl Ctxt {
    pub(crate) fn new(file: &str) -> Self {
        Ctxt {
            file: file.to_owned(),
            errors: Vec::new(),
        }
    }

    pub(crate) fn error(&mut self, location: Location, message: impl Into<String>) {
        self.errors
            .push(SpecError::new(self.file.clone(), location, message));
    }

    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    pub(crate) fn error_count(&self) -> usize {
        self.errors.len()
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The errors in file order (a stable sort: errors at the same spot keep report order).
    pub(crate) fn into_errors(mut self) -> Vec<SpecError> {
        self.errors.sort_by_key(|e| (e.line, e.col));
        self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters_not_bytes() {
        let text = "a = 1\nname_zh = \"红包\" x\n\nlast";
        let ix = LineIndex::new(text);
        assert_eq!(ix.location(0), Location { line: 1, col: 1 });
        assert_eq!(ix.location(4), Location { line: 1, col: 5 });
        assert_eq!(ix.location(6), Location { line: 2, col: 1 });
        // after `"红包" ` the byte offset is 6 + 10 + 1 + 6 + 1 + 1 = 25, the column 16.
        let x = text.find(" x").map(|i| i + 1).unwrap_or(0);
        assert_eq!(ix.location(x), Location { line: 2, col: 16 });
        assert_eq!(ix.location(text.len()), Location { line: 4, col: 5 });
        // inside a multi-byte character: falls back to its start
        let mid = text.find('红').map(|i| i + 1).unwrap_or(0);
        assert_eq!(ix.location(mid), Location { line: 2, col: 12 });
    }

    #[test]
    fn display_shape() {
        let e = SpecError::new("specs/x.toml", Location { line: 3, col: 7 }, "bad");
        assert_eq!(e.to_string(), "specs/x.toml:3:7: bad");
    }
}
