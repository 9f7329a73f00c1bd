//! The structure of an API from the official Python SDK's classes (`alipay-sdk-python`).
//!
//! The SDK has one request class per API (`request/AlipayTradePayRequest.py`), the business
//! model it sends (`domain/AlipayTradePayModel.py`), the response class
//! (`response/AlipayTradePayResponse.py`) and the domain classes they nest. The files are read as
//! text, never executed. They state names, nesting and lists only: every field of a draft is a
//! `string` (or an array / shared type), optional, with `type` and `required` marked inferred.
//!
//! Placement (`params`): a `biz_content` setter converting to a model class gives `biz_content`
//! with the model's fields; request attributes besides the public ones (`notify_url`,
//! `version`, ...) give `top_level`; neither gives `none`. A file upload (`FileItem`) cannot be
//! held by the spec language: [`PythonError::FileUpload`].
//!
//! Shared types: one per SDK class and side. The request side is read first and keeps the class
//! name; a class also nested on the response side is named with the suffix `Out` there
//! (`GoodsDetail`, `GoodsDetailOut`). A field that would make a type contain itself is cut, with a
//! remark naming it. Across APIs the same name may stand for different types (a class nested on
//! the request side of one API, on the response side of another): [`crate::fit_types`] renames a
//! draft's types to fit a directory's `_types.toml`.

mod scan;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Draft, Execution, Field, Guessed, Params, Required, SharedType, Ty};
use scan::{Kind, PyClass, ScanError};

/// Request attributes every request class has; the public parameters, not business fields.
const COMMON_ATTRS: &[&str] = &[
    "biz_model",
    "biz_content",
    "version",
    "terminal_type",
    "terminal_info",
    "prod_code",
    "notify_url",
    "return_url",
    "udf_params",
    "need_encrypt",
];

/// The fields of every response (the SDK's base class `AlipayResponse`), not the API's own.
const PUBLIC_RESPONSE: &[&str] = &["code", "msg", "sub_code", "sub_msg"];

/// Why an API could not be drafted from the SDK.
#[derive(Debug)]
pub enum PythonError {
    /// `given` holds no `alipay/aop/api/{request,domain}`.
    NoSdk { given: PathBuf },
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    /// No request class states this method.
    UnknownMethod {
        method: String,
        request_classes: usize,
        near: Option<String>,
    },
    /// A file does not have the SDK's class layout.
    Layout { path: PathBuf, what: String },
    /// A class names another whose file is not in `domain/`.
    MissingClass { name: String, used_by: String },
    /// The request uploads files (multipart), which the spec language cannot hold.
    FileUpload { method: String, fields: Vec<String> },
    /// The request has both a biz_content model and business attributes of its own.
    MixedParams { method: String, fields: Vec<String> },
    /// A class name the spec language cannot use as a shared type name.
    TypeName { name: String },
    /// Two fields of one object with the same wire name.
    DuplicateField { owner: String, name: String },
    /// A nested class with no fields (an object needs at least one member).
    EmptyClass { name: String, used_by: String },
}

impl PythonError {
    /// A short name of the error's kind, for counting failures over the catalogue.
    pub fn kind(&self) -> &'static str {
        match self {
            PythonError::NoSdk { .. } => "no_sdk",
            PythonError::Read { .. } => "read",
            PythonError::UnknownMethod { .. } => "unknown_method",
            PythonError::Layout { .. } => "layout",
            PythonError::MissingClass { .. } => "missing_class",
            PythonError::FileUpload { .. } => "file_upload",
            PythonError::MixedParams { .. } => "mixed_params",
            PythonError::TypeName { .. } => "type_name",
            PythonError::DuplicateField { .. } => "duplicate_field",
            PythonError::EmptyClass { .. } => "empty_class",
        }
    }
}

impl fmt::Display for PythonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PythonError::NoSdk { given } => write!(
                f,
                "{}: not the Python SDK; expected the unpacked alipay-sdk-python package root \
                 (or site-packages), holding alipay/aop/api/request and alipay/aop/api/domain, \
                 or the alipay/aop/api directory itself",
                given.display()
            ),
            PythonError::Read { path, error } => write!(f, "{}: {error}", path.display()),
            PythonError::UnknownMethod {
                method,
                request_classes,
                near,
            } => {
                write!(
                    f,
                    "no request class of the SDK states the method {method} ({request_classes} request classes found)"
                )?;
                match near {
                    Some(near) => write!(f, "; did you mean {near}?"),
                    None => Ok(()),
                }
            }
            PythonError::Layout { path, what } => {
                write!(
                    f,
                    "{}: not an SDK class file as expected: {what}",
                    path.display()
                )
            }
            PythonError::MissingClass { name, used_by } => {
                write!(
                    f,
                    "{used_by} names the class {name}, which has no file in domain/"
                )
            }
            PythonError::FileUpload { method, fields } => write!(
                f,
                "{method} uploads files ({}): the spec language has no file type",
                fields.join(", ")
            ),
            PythonError::MixedParams { method, fields } => write!(
                f,
                "{method} sends a biz_content model and form fields of its own ({}): a spec has one placement",
                fields.join(", ")
            ),
            PythonError::TypeName { name } => write!(
                f,
                "class {name}: not a shared type name (expected ^[A-Z][A-Za-z0-9]*$)"
            ),
            PythonError::DuplicateField { owner, name } => {
                write!(f, "{owner}: the field {name} appears twice")
            }
            PythonError::EmptyClass { name, used_by } => write!(
                f,
                "{used_by} nests the class {name}, which has no fields (an object needs at least one member)"
            ),
        }
    }
}

impl std::error::Error for PythonError {}

/// The SDK on disk: its `alipay/aop/api` directory and its version, when the metadata says.
#[derive(Debug, Clone)]
pub struct Sdk {
    api: PathBuf,
    version: Option<String>,
}

impl Sdk {
    /// Accepts the package root (holding `alipay/aop/api`), site-packages, or `alipay/aop/api`.
    pub fn open(dir: &Path) -> Result<Sdk, PythonError> {
        let is_api = |d: &Path| d.join("request").is_dir() && d.join("domain").is_dir();
        let (api, root) = if is_api(dir) && dir.ends_with("alipay/aop/api") {
            (
                dir.to_path_buf(),
                dir.ancestors().nth(3).map(Path::to_path_buf),
            )
        } else if is_api(&dir.join("alipay/aop/api")) {
            (dir.join("alipay/aop/api"), Some(dir.to_path_buf()))
        } else if is_api(dir) {
            (dir.to_path_buf(), None)
        } else {
            return Err(PythonError::NoSdk {
                given: dir.to_path_buf(),
            });
        };
        let version = root.as_deref().and_then(sdk_version);
        Ok(Sdk { api, version })
    }

    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// The request class names (file stems), sorted.
    pub fn request_classes(&self) -> Result<Vec<String>, PythonError> {
        let dir = self.api.join("request");
        let entries = std::fs::read_dir(&dir).map_err(|error| PythonError::Read {
            path: dir.clone(),
            error,
        })?;
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|error| PythonError::Read {
                path: dir.clone(),
                error,
            })?;
            let name = entry.file_name();
            if let Some(stem) = name.to_str().and_then(|n| n.strip_suffix("Request.py")) {
                out.push(format!("{stem}Request"));
            }
        }
        out.sort();
        Ok(out)
    }

    /// The method a request class states (`params[P_METHOD] = '...'`).
    pub fn method_of(&self, class: &str) -> Result<Option<String>, PythonError> {
        let path = self.api.join("request").join(format!("{class}.py"));
        Ok(self.scan(&path)?.method)
    }

    fn read(&self, path: &Path) -> Result<String, PythonError> {
        std::fs::read_to_string(path).map_err(|error| PythonError::Read {
            path: path.to_path_buf(),
            error,
        })
    }

    fn scan(&self, path: &Path) -> Result<PyClass, PythonError> {
        let text = self.read(path)?;
        scan::scan(&text).map_err(|e| PythonError::Layout {
            path: path.to_path_buf(),
            what: match e {
                ScanError::NoClass => "no class".to_owned(),
                ScanError::NoInit => "no __init__".to_owned(),
                ScanError::DuplicateAttr(a) => {
                    format!("the attribute {a} is set twice in __init__")
                }
            },
        })
    }

    /// The request class stating `method`: the name the SDK derives from it, else any file
    /// naming it.
    fn find_request(&self, method: &str) -> Result<(PathBuf, PyClass), PythonError> {
        let guess = class_name_of(method);
        let dir = self.api.join("request");
        let path = dir.join(format!("{guess}.py"));
        if path.is_file() {
            let class = self.scan(&path)?;
            if class.method.as_deref() == Some(method) {
                return Ok((path, class));
            }
        }
        let classes = self.request_classes()?;
        // the SDK's capitalisation may differ from the method's (`OCR` for `ocr`)
        for class in classes.iter().filter(|c| c.eq_ignore_ascii_case(&guess)) {
            let path = dir.join(format!("{class}.py"));
            let scanned = self.scan(&path)?;
            if scanned.method.as_deref() == Some(method) {
                return Ok((path, scanned));
            }
        }
        let needle = format!("params[P_METHOD] = '{method}'");
        for class in &classes {
            let path = dir.join(format!("{class}.py"));
            if self.read(&path)?.contains(&needle) {
                let scanned = self.scan(&path)?;
                return Ok((path, scanned));
            }
        }
        let near = nearest(&guess, &classes).map(|c| match self.method_of(c) {
            Ok(Some(m)) => m,
            _ => c.to_owned(),
        });
        Err(PythonError::UnknownMethod {
            method: method.to_owned(),
            request_classes: classes.len(),
            near,
        })
    }

    /// Drafts `method` from its request, model and response classes.
    pub fn import(&self, method: &str) -> Result<Draft, PythonError> {
        let (req_path, request) = self.find_request(method)?;
        let mut b = Builder {
            sdk: Some(self),
            files: vec![rel(&req_path, &self.api)],
            ..Builder::default()
        };
        let mut draft = Draft {
            method: method.to_owned(),
            ..Draft::default()
        };

        let own: Vec<&scan::Attr> = request
            .attrs
            .iter()
            .filter(|a| !COMMON_ATTRS.contains(&a.name.as_str()))
            .collect();
        let files: Vec<String> = own
            .iter()
            .filter(|a| a.kind == Kind::File)
            .map(|a| a.wire.clone())
            .collect();
        if !files.is_empty() {
            return Err(PythonError::FileUpload {
                method: method.to_owned(),
                fields: files,
            });
        }
        // `AlipayTradePayRequest` -> `AlipayTradePay`, the stem of its model and response
        let stem = request
            .name
            .strip_suffix("Request")
            .unwrap_or(&request.name)
            .to_owned();
        let biz = request
            .attrs
            .iter()
            .find(|a| a.name == "biz_content")
            .map(|a| &a.kind);
        match biz {
            Some(Kind::Class(model)) => {
                if !own.is_empty() {
                    return Err(PythonError::MixedParams {
                        method: method.to_owned(),
                        fields: own.iter().map(|a| a.wire.clone()).collect(),
                    });
                }
                draft.params = Guessed::stated(Params::BizContent);
                let class = b.class(model, &request.name)?;
                draft.request = b.fields(&class, false, &mut Vec::new())?;
            }
            _ if !own.is_empty() => {
                draft.params = Guessed::stated(Params::TopLevel);
                let attrs = own.into_iter().cloned().collect();
                let class = PyClass {
                    name: request.name.clone(),
                    attrs,
                    method: None,
                };
                draft.request = b.fields(&class, false, &mut Vec::new())?;
                if biz.is_some() {
                    draft.remarks.push(format!(
                        "{} also takes a raw biz_content string, with no model class: left out",
                        request.name
                    ));
                }
            }
            Some(_) => {
                // some request classes do not name their model, which is still in domain/
                draft.params = Guessed::stated(Params::BizContent);
                let model = format!("{stem}Model");
                if self
                    .api
                    .join("domain")
                    .join(format!("{model}.py"))
                    .is_file()
                {
                    let class = b.class(&model, &request.name)?;
                    draft.request = b.fields(&class, false, &mut Vec::new())?;
                    draft.remarks.push(format!(
                        "{} does not name a model for biz_content; {model}, found by its name, gives the fields",
                        request.name
                    ));
                } else {
                    draft.remarks.push(format!(
                        "{} has no model class for biz_content: the request fields are unknown",
                        request.name
                    ));
                }
            }
            None => draft.params = Guessed::stated(Params::None),
        }

        let resp_name = format!("{stem}Response");
        let resp_path = self.api.join("response").join(format!("{resp_name}.py"));
        if resp_path.is_file() {
            b.files.push(rel(&resp_path, &self.api));
            let mut response = self.scan(&resp_path)?;
            // the base class AlipayResponse's fields, which the spec's public response holds
            let public: Vec<String> = response
                .attrs
                .iter()
                .filter(|a| PUBLIC_RESPONSE.contains(&a.wire.as_str()))
                .map(|a| a.wire.clone())
                .collect();
            if !public.is_empty() {
                response.attrs.retain(|a| !public.contains(&a.wire));
                draft.remarks.push(format!(
                    "{resp_name} declares {} again: the public response fields, left out",
                    public.join(", ")
                ));
            }
            draft.response = b.fields(&response, true, &mut Vec::new())?;
        } else {
            draft.remarks.push(format!(
                "the SDK has no {resp_name}: the response fields are unknown"
            ));
        }

        let execution = guess_execution(method);
        draft.execution = Guessed::guess(execution, "guessed from the method name");
        draft.notify_url =
            Guessed::guess(true, "the Python SDK offers notify_url on every request");
        draft.return_url = Guessed::guess(
            execution == Execution::PageExecute,
            "the Python SDK offers return_url on every request; kept for page_execute only",
        );
        draft.types = b.types;
        draft.origins.push(format!(
            "Python SDK alipay-sdk-python {}: {}",
            self.version.as_deref().unwrap_or("(version unknown)"),
            b.files.join(", ")
        ));
        draft.remarks.push(
            "drafted from the Python SDK: names, nesting and lists only; no types, required flags, \
             lengths, values, rules or errors"
                .to_owned(),
        );
        draft.remarks.extend(b.cuts);
        Ok(draft)
    }
}

/// `alipay_import::python::import(sdk_dir, "alipay.trade.pay")`: see [`Sdk::import`].
pub fn import(sdk_dir: &Path, method: &str) -> Result<Draft, PythonError> {
    Sdk::open(sdk_dir)?.import(method)
}

/// Walks classes into fields and shared types, one side at a time.
#[derive(Default)]
struct Builder<'s> {
    sdk: Option<&'s Sdk>,
    files: Vec<String>,
    classes: HashMap<String, PyClass>,
    /// (class, response side) -> shared type name, once built.
    named: HashMap<(String, bool), String>,
    types: Vec<SharedType>,
    cuts: Vec<String>,
}

impl<'s> Builder<'s> {
    fn class(&mut self, name: &str, used_by: &str) -> Result<PyClass, PythonError> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let sdk = self.sdk.ok_or_else(|| PythonError::MissingClass {
            name: name.to_owned(),
            used_by: used_by.to_owned(),
        })?;
        let path = sdk.api.join("domain").join(format!("{name}.py"));
        if !path.is_file() {
            return Err(PythonError::MissingClass {
                name: name.to_owned(),
                used_by: used_by.to_owned(),
            });
        }
        let class = sdk.scan(&path)?;
        self.files.push(rel(&path, &sdk.api));
        self.classes.insert(name.to_owned(), class.clone());
        Ok(class)
    }

    /// The fields of `class`; `stack` holds the classes being built (for cycles).
    fn fields(
        &mut self,
        class: &PyClass,
        response: bool,
        stack: &mut Vec<String>,
    ) -> Result<Vec<Field>, PythonError> {
        let mut out: Vec<Field> = Vec::new();
        for attr in &class.attrs {
            if out.iter().any(|f| f.name == attr.wire) {
                return Err(PythonError::DuplicateField {
                    owner: class.name.clone(),
                    name: attr.wire.clone(),
                });
            }
            let nested = match &attr.kind {
                Kind::Class(c) | Kind::List(Some(c)) => Some(c.as_str()),
                _ => None,
            };
            let value = match nested {
                Some(c) if stack.iter().any(|s| s == c) => {
                    let mut path = stack.clone();
                    path.push(c.to_owned());
                    let from = path.iter().position(|s| s == c).unwrap_or(0);
                    self.cuts.push(format!(
                        "cut {}.{} ({} side): it closes the cycle {} (the spec language has no recursive types)",
                        class.name,
                        attr.wire,
                        if response { "response" } else { "request" },
                        path[from..].join(" -> ")
                    ));
                    continue;
                }
                Some(c) => Ty::Shared(self.shared(c, &class.name, response, stack)?),
                None => Ty::String,
            };
            let ty = match &attr.kind {
                Kind::List(_) => Ty::Array(Box::new(value)),
                _ => value,
            };
            let mut field = Field {
                name: attr.wire.clone(),
                ty,
                required: Required::No,
                source: format!("Python SDK {}", class.name),
                ..Field::default()
            };
            field.infer("type", "the Python SDK states no types");
            field.infer("required", "the Python SDK states no required flags");
            out.push(field);
        }
        Ok(out)
    }

    /// The shared type of `class` on one side, built on first use.
    fn shared(
        &mut self,
        class: &str,
        used_by: &str,
        response: bool,
        stack: &mut Vec<String>,
    ) -> Result<String, PythonError> {
        if let Some(name) = self.named.get(&(class.to_owned(), response)) {
            return Ok(name.clone());
        }
        if !is_type_name(class) {
            return Err(PythonError::TypeName {
                name: class.to_owned(),
            });
        }
        let py = self.class(class, used_by)?;
        let taken: HashSet<&str> = self.named.values().map(String::as_str).collect();
        let mut name = class.to_owned();
        if taken.contains(name.as_str()) {
            name = format!("{class}Out");
            let mut n = 2;
            while taken.contains(name.as_str()) {
                name = format!("{class}Out{n}");
                n += 1;
            }
        }
        self.named
            .insert((class.to_owned(), response), name.clone());
        stack.push(class.to_owned());
        let fields = self.fields(&py, response, stack)?;
        stack.pop();
        if fields.is_empty() {
            return Err(PythonError::EmptyClass {
                name: class.to_owned(),
                used_by: used_by.to_owned(),
            });
        }
        let source = self
            .sdk
            .map(|s| rel(&s.api.join("domain").join(format!("{class}.py")), &s.api))
            .unwrap_or_default();
        self.types.push(SharedType {
            name: name.clone(),
            response_side: response,
            doc: String::new(),
            fields,
            source: format!("Python SDK {source}"),
        });
        Ok(name)
    }
}

fn is_type_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `alipay.trade.pay` -> `AlipayTradePayRequest`, the SDK's naming.
fn class_name_of(method: &str) -> String {
    let mut out = String::new();
    for seg in method.split('.') {
        let mut chars = seg.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out.push_str("Request");
    out
}

/// `alipay/aop/api/request/X.py` as shown in origins (relative to the package).
fn rel(path: &Path, api: &Path) -> String {
    let tail = path.strip_prefix(api).unwrap_or(path);
    format!("alipay/aop/api/{}", tail.display())
}

/// The version in the wheel's `*.dist-info/METADATA` (or an sdist's `PKG-INFO`) next to `alipay/`.
fn sdk_version(root: &Path) -> Option<String> {
    let mut candidates = vec![root.join("PKG-INFO")];
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("alipay_sdk_python") || name.starts_with("alipay-sdk-python") {
                candidates.push(entry.path().join("METADATA"));
                candidates.push(entry.path().join("PKG-INFO"));
            }
        }
    }
    candidates.iter().find_map(|p| {
        let text = std::fs::read_to_string(p).ok()?;
        text.lines()
            .find_map(|l| l.strip_prefix("Version: "))
            .map(|v| v.trim().to_owned())
    })
}

/// A `page`/`wap` segment and a last segment that opens something in the browser (`pay`, `sign`,
/// `auth`, `create`) -> page_execute (not `page.query`, `page.refund`, `page.modify`); an `app`
/// segment followed by a pay/freeze/sign verb -> sdk_execute; else execute.
pub fn guess_execution(method: &str) -> Execution {
    let segs: Vec<&str> = method.split('.').collect();
    let last = segs.last().copied().unwrap_or("");
    for (i, seg) in segs.iter().enumerate() {
        let next = segs.get(i + 1).copied().unwrap_or("");
        if (*seg == "page" || *seg == "wap") && ["pay", "sign", "auth", "create"].contains(&last) {
            return Execution::PageExecute;
        }
        if *seg == "app" && ["pay", "freeze", "sign", "createandpay"].contains(&next) {
            return Execution::SdkExecute;
        }
    }
    Execution::Execute
}

/// The candidate closest to `target` (case-insensitive edit distance), if reasonably close.
fn nearest<'c>(target: &str, candidates: &'c [String]) -> Option<&'c str> {
    let t = target.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (distance(&t, &c.to_ascii_lowercase()), c))
        .filter(|(d, _)| *d <= t.len() / 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.as_str())
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
