//! Reading one SDK class file as text: its attributes, what each setter accepts, and the wire
//! names. The SDK's files are generated from one template, so a line scanner suffices (and the
//! SDK is never executed).

/// What a property's setter accepts, which is all the SDK says about a value's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Stored as given: a string, number or boolean (the SDK does not say which).
    Scalar,
    /// Another SDK class (`X.from_alipay_dict(value)`).
    Class(String),
    /// `isinstance(value, list)`: items of a class, or scalars when `None`.
    List(Option<String>),
    /// `isinstance(value, FileItem)`: a multipart file upload.
    File,
    /// `isinstance(value, dict)`: free key/values (the request's `udf_params`).
    Dict,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attr {
    /// The Python attribute (`goods_detail`).
    pub name: String,
    /// The JSON key / form field; the attribute's name unless the file maps it otherwise.
    pub wire: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PyClass {
    pub name: String,
    /// In `__init__` order, which is the SDK's field order.
    pub attrs: Vec<Attr>,
    /// `params[P_METHOD] = '...'` (request classes only).
    pub method: Option<String>,
}

/// Why a file is not an SDK class of the expected layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ScanError {
    NoClass,
    NoInit,
    DuplicateAttr(String),
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Index of the first line after `start` that ends the block opened at `start`.
fn block_end(lines: &[&str], start: usize) -> usize {
    let base = indent(lines[start]);
    let mut i = start + 1;
    while i < lines.len() {
        let l = lines[i];
        if !l.trim().is_empty() && indent(l) <= base {
            break;
        }
        i += 1;
    }
    i
}

/// `X` in `... X.from_alipay_dict(<arg>)`, the class a setter converts to.
fn converted_class(line: &str, arg: &str) -> Option<String> {
    let call = format!(".from_alipay_dict({arg})");
    let at = line.find(&call)?;
    let head = &line[..at];
    let start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = &head[start..];
    (!name.is_empty()).then(|| name.to_owned())
}

/// The text between the first `open` and the next `close` after it.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let from = s.find(open)? + open.len();
    let len = s[from..].find(close)?;
    Some(&s[from..from + len])
}

fn is_ident(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn setter_kind(body: &[&str]) -> Kind {
    let text = body.join("\n");
    if text.contains("isinstance(value, list)") {
        let item = body.iter().find_map(|l| converted_class(l, "i"));
        return Kind::List(item);
    }
    if text.contains("isinstance(value, FileItem)") {
        return Kind::File;
    }
    if text.contains("isinstance(value, dict)") {
        return Kind::Dict;
    }
    match body.iter().find_map(|l| converted_class(l, "value")) {
        Some(class) => Kind::Class(class),
        None => Kind::Scalar,
    }
}

/// Wire names the file states for an attribute: `o.x = d['k']` (domain classes),
/// `self.x = response['k']` (responses), `params['k'] = self.x` (requests).
fn wire_names(lines: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in lines {
        let t = line.trim();
        for (target, source) in [("o.", "= d['"), ("self.", "= response['")] {
            if let Some(rest) = t.strip_prefix(target)
                && let Some((attr, _)) = rest.split_once(' ')
                && let Some(key) = between(t, source, "']")
                && is_ident(attr)
            {
                out.push((attr.to_owned(), key.to_owned()));
            }
        }
        if let Some(key) = between(t, "params['", "'] = ")
            && let Some(at) = t.find("= self.")
            && let Some(attr) = t[at + "= self.".len()..]
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
            && is_ident(attr)
        {
            out.push((attr.to_owned(), key.to_owned()));
        }
    }
    out
}

pub(crate) fn scan(text: &str) -> Result<PyClass, ScanError> {
    let lines: Vec<&str> = text.lines().collect();
    let class_line = lines
        .iter()
        .position(|l| l.starts_with("class "))
        .ok_or(ScanError::NoClass)?;
    let name = lines[class_line]["class ".len()..]
        .split(['(', ':'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    if name.is_empty() {
        return Err(ScanError::NoClass);
    }
    let init = lines
        .iter()
        .position(|l| l.trim_start().starts_with("def __init__("))
        .ok_or(ScanError::NoInit)?;
    let mut attrs: Vec<Attr> = Vec::new();
    for line in &lines[init + 1..block_end(&lines, init)] {
        let Some(rest) = line.trim().strip_prefix("self._") else {
            continue;
        };
        let Some((attr, _)) = rest.split_once('=') else {
            continue;
        };
        let attr = attr.trim();
        if !is_ident(attr) {
            continue;
        }
        if attrs.iter().any(|a| a.name == attr) {
            return Err(ScanError::DuplicateAttr(attr.to_owned()));
        }
        attrs.push(Attr {
            name: attr.to_owned(),
            wire: attr.to_owned(),
            kind: Kind::Scalar,
        });
    }
    // setters: `@x.setter` then `def x(self, value):` and its body
    for (i, line) in lines.iter().enumerate() {
        let Some(attr) = line
            .trim()
            .strip_prefix('@')
            .and_then(|r| r.strip_suffix(".setter"))
        else {
            continue;
        };
        let Some(def) = lines.get(i + 1) else {
            continue;
        };
        if !def.trim_start().starts_with("def ") {
            continue;
        }
        let body = &lines[i + 2..block_end(&lines, i + 1)];
        if let Some(a) = attrs.iter_mut().find(|a| a.name == attr) {
            a.kind = setter_kind(body);
        }
    }
    for (attr, key) in wire_names(&lines) {
        if let Some(a) = attrs.iter_mut().find(|a| a.name == attr) {
            a.wire = key;
        }
    }
    let method = lines
        .iter()
        .find_map(|l| between(l, "params[P_METHOD] = '", "'"))
        .map(str::to_owned);
    Ok(PyClass {
        name,
        attrs,
        method,
    })
}
