//! Phase 2: semantic checks over the spanned tree, then lowering into the [`crate::model`].
//!
//! Everything that relates two values is checked here: the file name and `method`, `method`
//! and `response_node`, type names against the builtins and the shared types, `max_len` and
//! `len_unit`, a field's type and its `range` / `values` / `format` / `items` / `fields`,
//! conditions (`required_if`, `range_if`, `values_if`) against the sibling fields they name,
//! `required = "one_of"` and the one-of groups (both ways, per object), duplicates per object,
//! cycles and sides of shared types. The checks apply at every nesting level. The model is
//! built only when the whole file is free of errors.

use std::collections::{HashMap, VecDeque};

use crate::ast::{
    RawBound, RawCommon, RawCondition, RawField, RawGroup, RawRange, RawRequired, RawSpec,
    RawTypes, Slot, Sp,
};
use crate::error::Ctxt;
use crate::grammar::{parse_amount, parse_timeout_minutes};
use crate::model::{
    ApiSpec, CommonSpec, Condition, ErrorCode, Field, FieldType, Location, MaxLen, NamedType,
    Notify, NotifyType, ObjectDef, OneOfGroup, ParamsIn, Range, RangeIf, Required, ResultCode,
    Rule, SCHEMA, Scalar, Side, TypesSpec, ValuesIf,
};

/// The schema this crate no longer reads.
const OLD_SCHEMA: &str = "alipay-spec/1";

/// The file name without directories and without `.toml`.
pub(crate) fn file_stem(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.strip_suffix(".toml").unwrap_or(base)
}

/// The response node an API's reply uses: the method with `.` → `_`, plus `_response`.
pub fn expected_response_node(method: &str) -> String {
    format!("{}_response", method.replace('.', "_"))
}

/// `[[request]]` + `fields` → `[[request.fields]]`.
fn child_header(header: &str, key: &str) -> String {
    format!("{}.{key}]]", header.strip_suffix("]]").unwrap_or(header))
}

/// `true` for a PascalCase shared type name: `^[A-Z][A-Za-z0-9]*$`.
fn is_type_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

// ---- shared types known to a file ----------------------------------------------------------

/// The shared types a field may name, with their sides, in declaration order.
struct Known {
    types: Vec<(String, Side)>,
}

impl Known {
    fn side(&self, name: &str) -> Option<Side> {
        self.types.iter().find(|(n, _)| n == name).map(|(_, s)| *s)
    }

    /// `"GoodsDetail, ExtendParams"` or `"none declared"`.
    fn list(&self) -> String {
        if self.types.is_empty() {
            "none declared".to_owned()
        } else {
            self.types
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// The type of one value (the item type, for an array).
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Scalar(Scalar),
    Object,
    Named(String),
}

impl Item {
    fn word(&self) -> &str {
        match self {
            Item::Scalar(s) => s.as_str(),
            Item::Object => "object",
            Item::Named(n) => n,
        }
    }

    fn scalar(&self) -> Option<Scalar> {
        match self {
            Item::Scalar(s) => Some(*s),
            _ => None,
        }
    }
}

/// A field's resolved type.
#[derive(Debug, Clone, PartialEq)]
struct Ty {
    array: bool,
    item: Item,
}

impl Ty {
    /// `this field is type "string"` / `this field's items are type "object"`.
    fn desc(&self) -> String {
        if self.array {
            format!("this field's items are type \"{}\"", self.item.word())
        } else {
            format!("this field is type \"{}\"", self.item.word())
        }
    }

    fn scalar(&self) -> Option<Scalar> {
        self.item.scalar()
    }
}

/// The scalar types that take a `range` (and `range_if`).
const RANGED: [Scalar; 3] = [Scalar::Amount, Scalar::PayTimeout, Scalar::Integer];

/// The one format a date-like scalar may declare.
fn fixed_format(s: Scalar) -> Option<&'static str> {
    match s {
        Scalar::Date => Some("yyyy-MM-dd"),
        Scalar::Month => Some("yyyy-MM"),
        Scalar::Datetime => Some("yyyy-MM-dd HH:mm:ss"),
        _ => None,
    }
}

// ---- where a list of fields is -------------------------------------------------------------

/// One list of sibling fields: a top-level section, an object's members or a shared type's.
#[derive(Debug, Clone)]
struct Scope {
    /// The header of the list's tables, e.g. `[[request.fields]]`.
    header: String,
    /// The object the fields belong to, for messages: `[[request]]`, `object "payee_info"`,
    /// `type "GoodsDetail"`.
    place: String,
    /// The dotted path of the object (`payee_info.bank`), empty at the top level.
    path: String,
    /// Request or response side: which shared types may be named.
    side: Side,
    /// Notify fields and public parameters: scalar types only.
    scalars_only: bool,
    /// Whether the fields may be `required = "one_of"` (the list has one-of groups).
    one_of_ok: bool,
    /// The shared type the list is in, if any.
    in_type: Option<String>,
}

impl Scope {
    fn top(header: &str, side: Side, scalars_only: bool, one_of_ok: bool) -> Scope {
        Scope {
            header: header.to_owned(),
            place: header.to_owned(),
            path: String::new(),
            side,
            scalars_only,
            one_of_ok,
            in_type: None,
        }
    }

    fn of_type(name: &str, side: Side) -> Scope {
        Scope {
            header: "[[type.fields]]".to_owned(),
            place: format!("type \"{name}\""),
            path: name.to_owned(),
            side,
            scalars_only: false,
            one_of_ok: side == Side::Request,
            in_type: Some(name.to_owned()),
        }
    }

    /// The scope of the members of the object field `name` of this list.
    fn child(&self, name: &str) -> Scope {
        let path = if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        };
        Scope {
            header: child_header(&self.header, "fields"),
            place: format!("object \"{path}\""),
            path,
            side: self.side,
            scalars_only: self.scalars_only,
            one_of_ok: self.side == Side::Request,
            in_type: self.in_type.clone(),
        }
    }

    /// The list as named in "not allowed in ..." messages.
    fn title(&self) -> String {
        match &self.in_type {
            Some(t) => format!(
                "{} of {}-side type \"{t}\"",
                self.header,
                self.side.as_str()
            ),
            None => self.header.clone(),
        }
    }
}

/// Every field of a file with the object it is in, for "not a sibling" messages.
fn index_fields(out: &mut Vec<(String, String)>, fields: &[RawField], scope: &Scope) {
    for f in fields {
        let Some(name) = f.name.value() else {
            continue;
        };
        out.push((name.clone(), scope.place.clone()));
        if let Some(members) = f.fields.value() {
            index_fields(out, members, &scope.child(name));
        }
    }
}

/// The checks of one file: the error collector, the shared types known, every field's place.
struct Checker<'c> {
    cx: &'c mut Ctxt,
    known: Known,
    index: Vec<(String, String)>,
}

// ---- files ---------------------------------------------------------------------------------

/// Checks an API spec against the shared `types`; returns the model when the file has no
/// error at all.
pub(crate) fn check_api(
    cx: &mut Ctxt,
    raw: &RawSpec,
    file: &str,
    types: &TypesSpec,
    file_named_after_method: bool,
) -> Option<ApiSpec> {
    check_schema(cx, &raw.schema);
    if let Some(method) = raw.method.get() {
        let stem = file_stem(file);
        if file_named_after_method && method.v != stem {
            cx.error(
                method.loc,
                format!(
                    "method \"{}\" does not match the file name (expected \"{stem}\")",
                    method.v
                ),
            );
        }
        if let Some(node) = raw.response_node.get() {
            let expected = expected_response_node(&method.v);
            if node.v != expected {
                cx.error(
                    node.loc,
                    format!(
                        "response_node \"{}\" does not match the method (expected \"{expected}\")",
                        node.v
                    ),
                );
            }
        }
    }
    let params = raw.params.value().copied().unwrap_or_default();
    if params == ParamsIn::None
        && let Some(first) = raw.request.first()
    {
        cx.error(
            first.loc,
            "[[request]] is not allowed with params = \"none\" (the API has no business parameters: remove the [[request]] tables, or set params = \"biz_content\" or \"top_level\")",
        );
    }

    let request_scope = Scope::top("[[request]]", Side::Request, false, true);
    let sdk_scope = Scope::top("[[request_sdk_only]]", Side::Request, false, false);
    let response_scope = Scope::top("[[response]]", Side::Response, false, false);
    let notify_scope = Scope::top("[[notify.fields]]", Side::Response, true, false);
    let mut index = Vec::new();
    index_fields(&mut index, &raw.request, &request_scope);
    index_fields(&mut index, &raw.request_sdk_only, &sdk_scope);
    index_fields(&mut index, &raw.response, &response_scope);
    if let Some(n) = &raw.notify {
        index_fields(&mut index, &n.fields, &notify_scope);
    }
    let mut ck = Checker {
        cx,
        known: Known {
            types: types
                .types
                .iter()
                .map(|t| (t.name.clone(), t.side))
                .collect(),
        },
        index,
    };

    let request = ck.fields(&raw.request, &request_scope);
    let one_of = ck.groups(&raw.one_of, &raw.request, &request_scope, "[[one_of]]");
    let request_sdk_only = ck.fields(&raw.request_sdk_only, &sdk_scope);
    let response = ck.fields(&raw.response, &response_scope);
    let cx = &mut *ck.cx;
    let rules = raw
        .rules
        .iter()
        .map(|r| {
            let id = r.id.get()?;
            Some(Rule {
                id: id.v.clone(),
                kind: *r.kind.value()?,
                doc: r.doc.string()?,
                source: r.source.string(),
                location: id.loc,
            })
        })
        .collect::<Vec<_>>();
    no_duplicates(cx, raw.rules.iter().map(|r| &r.id), "rule");
    let errors = raw
        .errors
        .iter()
        .map(|e| {
            let code = e.code.get()?;
            Some(ErrorCode {
                code: code.v.clone(),
                msg: e.msg.string()?,
                solution: e.solution.string()?,
                handling: *e.handling.value()?,
                note: e.note.string(),
                source: e.source.string(),
                location: code.loc,
            })
        })
        .collect::<Vec<_>>();
    no_duplicates(cx, raw.errors.iter().map(|e| &e.code), "error code");
    let notify = raw.notify.as_ref().map(|n| {
        no_duplicates(ck.cx, n.types.iter().map(|t| &t.name), "notify type");
        let types = n
            .types
            .iter()
            .map(|t| {
                Some(NotifyType {
                    name: t.name.string()?,
                    doc: t.doc.string(),
                    default_on: *t.default_on.value()?,
                })
            })
            .collect::<Option<Vec<_>>>();
        let fields = ck.fields(&n.fields, &notify_scope);
        Some(Notify {
            documented: *n.documented.value()?,
            note: n.note.string(),
            source: n.source.string(),
            types: types?,
            fields: fields?,
        })
    });

    if ck.cx.has_errors() {
        return None;
    }
    Some(ApiSpec {
        method: raw.method.string()?,
        name_zh: raw.name_zh.string()?,
        summary: raw.summary.string()?,
        doc_url: raw.doc_url.string(),
        execution: *raw.execution.value()?,
        notify_url: *raw.notify_url.value()?,
        return_url: *raw.return_url.value()?,
        params,
        response_node: raw.response_node.string()?,
        completeness: raw.completeness.string()?,
        sources: raw.sources.strings()?,
        request: request?,
        request_sdk_only: request_sdk_only?,
        one_of: one_of?,
        rules: rules.into_iter().collect::<Option<_>>()?,
        response: response?,
        errors: errors.into_iter().collect::<Option<_>>()?,
        notify: match notify {
            Some(n) => Some(n?),
            None => None,
        },
        file: file.to_owned(),
    })
}

/// Checks `_common.toml`; returns the model when the file has no error at all.
pub(crate) fn check_common(cx: &mut Ctxt, raw: &RawCommon, file: &str) -> Option<CommonSpec> {
    check_schema(cx, &raw.schema);
    let request_scope = Scope::top("[[public_request]]", Side::Request, true, false);
    let response_scope = Scope::top("[[public_response]]", Side::Response, true, false);
    let mut index = Vec::new();
    index_fields(&mut index, &raw.public_request, &request_scope);
    index_fields(&mut index, &raw.public_response, &response_scope);
    let mut ck = Checker {
        cx,
        known: Known { types: Vec::new() },
        index,
    };
    let public_request = ck.fields(&raw.public_request, &request_scope);
    let public_response = ck.fields(&raw.public_response, &response_scope);
    let cx = &mut *ck.cx;
    no_duplicates(cx, raw.result_codes.iter().map(|r| &r.code), "result code");
    let result_codes = raw
        .result_codes
        .iter()
        .map(|r| {
            let code = r.code.get()?;
            Some(ResultCode {
                code: code.v.clone(),
                meaning: r.meaning.string()?,
                handling: *r.handling.value()?,
                source: r.source.string(),
                location: code.loc,
            })
        })
        .collect::<Option<Vec<_>>>();
    if cx.has_errors() {
        return None;
    }
    Some(CommonSpec {
        public_request: public_request?,
        public_response: public_response?,
        result_codes: result_codes?,
        file: file.to_owned(),
    })
}

/// Checks `_types.toml`; returns the model when the file has no error at all.
pub(crate) fn check_types(cx: &mut Ctxt, raw: &RawTypes, file: &str) -> Option<TypesSpec> {
    check_schema(cx, &raw.schema);
    for t in &raw.types {
        if let Some(name) = t.name.get()
            && !is_type_name(&name.v)
        {
            cx.error(
                name.loc,
                format!(
                    "type name \"{}\" is not PascalCase (expected ^[A-Z][A-Za-z0-9]*$, e.g. \"GoodsDetail\")",
                    name.v
                ),
            );
        }
    }
    no_duplicates(cx, raw.types.iter().map(|t| &t.name), "type");

    let mut known = Known { types: Vec::new() };
    let mut index = Vec::new();
    for t in &raw.types {
        let Some(name) = t.name.value() else {
            continue;
        };
        let side = t.side.value().copied().unwrap_or_default();
        if known.side(name).is_none() {
            known.types.push((name.clone(), side));
        }
        index_fields(&mut index, &t.fields, &Scope::of_type(name, side));
    }
    let mut ck = Checker { cx, known, index };

    let mut lowered = Vec::new();
    for t in &raw.types {
        let name = t.name.value().map_or("?", String::as_str);
        let side = t.side.value().copied().unwrap_or_default();
        let scope = Scope::of_type(name, side);
        if t.fields.is_empty() {
            ck.cx.error(
                t.loc,
                format!("type \"{name}\" has no fields (expected at least one [[type.fields]])"),
            );
        }
        let fields = ck.fields(&t.fields, &scope);
        let one_of = if side == Side::Response && !t.one_of.is_empty() {
            ck.cx.error(
                t.one_of[0].loc,
                format!(
                    "[[type.one_of]] is only allowed in request-side types (type \"{name}\" has side = \"response\")"
                ),
            );
            None
        } else {
            ck.groups(&t.one_of, &t.fields, &scope, "[[type.one_of]]")
        };
        lowered.push((fields, one_of));
    }
    ck.cycles(raw);

    if ck.cx.has_errors() {
        return None;
    }
    let mut types = Vec::new();
    for (t, (fields, one_of)) in raw.types.iter().zip(lowered) {
        let name = t.name.get()?;
        types.push(NamedType {
            name: name.v.clone(),
            side: t.side.value().copied().unwrap_or_default(),
            doc: t.doc.string(),
            source: t.source.string(),
            def: ObjectDef {
                fields: fields?,
                one_of: one_of?,
            },
            location: name.loc,
        });
    }
    Some(TypesSpec {
        types,
        file: file.to_owned(),
    })
}

fn check_schema(cx: &mut Ctxt, schema: &Slot<String>) {
    if let Some(s) = schema.get() {
        if s.v == OLD_SCHEMA {
            cx.error(
                s.loc,
                format!("schema \"{OLD_SCHEMA}\" is no longer supported: use \"{SCHEMA}\""),
            );
        } else if s.v != SCHEMA {
            cx.error(
                s.loc,
                format!("unknown schema \"{}\" (expected \"{SCHEMA}\")", s.v),
            );
        }
    }
}

/// Reports every repeated value after its first occurrence.
fn no_duplicates<'r>(cx: &mut Ctxt, items: impl Iterator<Item = &'r Slot<String>>, what: &str) {
    let mut first: HashMap<&str, Location> = HashMap::new();
    for item in items {
        if let Some(sp) = item.get() {
            if let Some(at) = first.get(sp.v.as_str()) {
                cx.error(
                    sp.loc,
                    format!("duplicate {what} \"{}\" (first at line {})", sp.v, at.line),
                );
            } else {
                first.insert(&sp.v, sp.loc);
            }
        }
    }
}

/// Reports values listed twice in one array (`values`, `equals`).
fn no_repeats(cx: &mut Ctxt, items: &[Sp<String>], what: &str) {
    let mut seen: Vec<&str> = Vec::new();
    for v in items {
        if seen.contains(&v.v.as_str()) {
            cx.error(v.loc, format!("duplicate value \"{}\" in {what}", v.v));
        } else {
            seen.push(&v.v);
        }
    }
}

// ---- fields --------------------------------------------------------------------------------

impl Checker<'_> {
    /// Checks one list of sibling fields (each field, then duplicate names).
    fn fields(&mut self, fields: &[RawField], scope: &Scope) -> Option<Vec<Field>> {
        let checked: Vec<Option<Field>> = fields
            .iter()
            .map(|f| self.field(f, fields, scope))
            .collect();
        no_duplicates(self.cx, fields.iter().map(|f| &f.name), "field");
        checked.into_iter().collect()
    }

    /// The type a field's `type` (or `items`) word names; reports an unknown one.
    fn item(&mut self, word: &Sp<String>, what: &str, builtins: &[&str]) -> Option<Item> {
        if let Some(s) = Scalar::ALL.iter().find(|s| s.as_str() == word.v) {
            return Some(Item::Scalar(*s));
        }
        if word.v == "object" {
            return Some(Item::Object);
        }
        if self.known.side(&word.v).is_some() {
            return Some(Item::Named(word.v.clone()));
        }
        self.cx.error(
            word.loc,
            format!(
                "unknown {what} \"{}\" (expected a builtin: {}; or a shared type: {})",
                word.v,
                builtins.join(", "),
                self.known.list()
            ),
        );
        None
    }

    /// Resolves `type` / `items`; `None` when they are missing or wrong (reported).
    fn ty(&mut self, f: &RawField, scope: &Scope) -> Option<Ty> {
        let word = f.ty.get()?;
        let scalars: Vec<&str> = Scalar::ALL.iter().map(|s| s.as_str()).collect();
        let ty = if word.v == "array" {
            let Some(items) = f.items.get() else {
                if !f.items.is_present() {
                    self.cx.error(
                        word.loc,
                        "type \"array\" needs items (expected items = \"<type>\": a scalar type, \"object\" or a shared type)",
                    );
                }
                return None;
            };
            if items.v == "array" {
                self.cx.error(
                    items.loc,
                    "items = \"array\" is not allowed (arrays of arrays are not supported: make the items an object with an array field)",
                );
                return None;
            }
            let builtins = [scalars.as_slice(), &["object"]].concat();
            Ty {
                array: true,
                item: self.item(items, "items type", &builtins)?,
            }
        } else {
            let builtins = [scalars.as_slice(), &["object", "array"]].concat();
            let ty = Ty {
                array: false,
                item: self.item(word, "type", &builtins)?,
            };
            if let Some(items) = f.items.get() {
                self.cx.error(
                    items.loc,
                    format!("items is only allowed on array fields ({})", ty.desc()),
                );
            }
            ty
        };
        if scope.scalars_only && (ty.array || ty.scalar().is_none()) {
            self.cx.error(
                word.loc,
                format!(
                    "type \"{}\" is not allowed in {} (notify fields and public parameters are scalars: {})",
                    word.v,
                    scope.header,
                    scalars.join(", ")
                ),
            );
            return None;
        }
        if let Item::Named(name) = &ty.item
            && let Some(side) = self.known.side(name)
            && side != scope.side
        {
            let at = if ty.array {
                f.items.get().map_or(word.loc, |i| i.loc)
            } else {
                word.loc
            };
            self.cx.error(
                at,
                format!(
                    "shared type \"{name}\" has side = \"{}\", but this is a {} field ({} fields use {}-side types only)",
                    side.as_str(),
                    scope.side.as_str(),
                    scope.side.as_str(),
                    scope.side.as_str()
                ),
            );
        }
        Some(ty)
    }

    /// The checks of one field and of its members; the lowered field when they all pass.
    fn field(&mut self, f: &RawField, siblings: &[RawField], scope: &Scope) -> Option<Field> {
        let errors_before = self.cx.error_count();
        let ty = self.ty(f, scope);
        let name = f.name.value().map_or("?", String::as_str);
        let scalar = ty.as_ref().and_then(Ty::scalar);
        // a resolved type that is not a scalar (an object, a shared type, or arrays of them)
        let structured = ty.as_ref().filter(|t| t.scalar().is_none());

        // members of an object (or of an array's object items)
        let object = self.members(f, ty.as_ref(), scope);

        // max_len + len_unit
        if let Some(m) = f.max_len.get() {
            if m.v <= 0 {
                self.cx.error(
                    m.loc,
                    format!("max_len must be a positive integer, found {}", m.v),
                );
            } else if u32::try_from(m.v).is_err() {
                self.cx.error(
                    m.loc,
                    format!("max_len {} is too large (at most {})", m.v, u32::MAX),
                );
            }
            if !f.len_unit.is_present() {
                self.cx.error(
                    m.loc,
                    "max_len needs len_unit (expected one of: char, gbk_byte)",
                );
            }
        }
        if let Some(u) = f.len_unit.get()
            && !f.max_len.is_present()
        {
            self.cx
                .error(u.loc, "len_unit is only allowed together with max_len");
        }

        // pattern
        if let Some(p) = f.pattern.get()
            && let Err(e) = regex_lite::Regex::new(&p.v)
        {
            self.cx
                .error(p.loc, format!("pattern \"{}\" does not compile: {e}", p.v));
        }

        // keys that describe a scalar value, on an object
        if let Some(t) = structured {
            let keys = [
                ("max_len", f.max_len.get().map(|s| s.loc)),
                ("pattern", f.pattern.get().map(|s| s.loc)),
                ("format", f.format.get().map(|s| s.loc)),
            ];
            for (key, loc) in keys {
                if let Some(loc) = loc {
                    self.cx.error(
                        loc,
                        format!(
                            "{key} is only allowed on scalar fields and arrays of scalars ({})",
                            t.desc()
                        ),
                    );
                }
            }
        }

        // format of the date-like types
        if let (Some(s), Some(fmt)) = (scalar, f.format.get())
            && let Some(expected) = fixed_format(s)
            && fmt.v != expected
        {
            self.cx.error(
                fmt.loc,
                format!(
                    "format of a {} field must be \"{expected}\", found \"{}\"",
                    s.as_str(),
                    fmt.v
                ),
            );
        }

        // range
        let range = match (f.range.get(), ty.as_ref()) {
            (Some(r), Some(t)) => self.range(&r.v, r.loc, t, "range"),
            _ => None,
        };

        // values
        match (scalar, f.values.get()) {
            (Some(Scalar::Enum), Some(values)) => {
                if values.v.is_empty() {
                    self.cx.error(
                        values.loc,
                        "values must not be empty (expected the closed set of an enum)",
                    );
                }
                no_repeats(self.cx, &values.v, "values");
            }
            (Some(Scalar::Enum), None) if !f.values.is_present() => {
                let (at, key) = match f.items.get() {
                    Some(items) if ty.as_ref().is_some_and(|t| t.array) => (items.loc, "items"),
                    _ => (f.ty.get().map_or(f.loc, |t| t.loc), "type"),
                };
                self.cx.error(
                    at,
                    format!(
                        "{key} \"enum\" needs values (expected values = [...], the closed set of allowed values)"
                    ),
                );
            }
            (_, Some(values)) => {
                if let Some(t) = &ty {
                    self.cx.error(
                        values.loc,
                        format!("values is only allowed on enum fields ({})", t.desc()),
                    );
                }
            }
            _ => {}
        }

        // max_items
        if let Some(m) = f.max_items.get() {
            if m.v <= 0 {
                self.cx.error(
                    m.loc,
                    format!("max_items must be a positive integer, found {}", m.v),
                );
            } else if u32::try_from(m.v).is_err() {
                self.cx.error(
                    m.loc,
                    format!("max_items {} is too large (at most {})", m.v, u32::MAX),
                );
            }
            if let Some(t) = &ty
                && !t.array
            {
                self.cx.error(
                    m.loc,
                    format!("max_items is only allowed on array fields ({})", t.desc()),
                );
            }
        }

        // allow_1c
        if let (Some(a), Some(t)) = (f.allow_1c.get(), &ty)
            && t.scalar() != Some(Scalar::PayTimeout)
        {
            self.cx.error(
                a.loc,
                format!(
                    "allow_1c is only allowed on pay_timeout fields and arrays of them ({})",
                    t.desc()
                ),
            );
        }

        // required + one_of
        let required = f.required.get();
        if let Some(req) = required {
            match req.v {
                RawRequired::OneOf => {
                    if !scope.one_of_ok {
                        self.cx.error(
                            req.loc,
                            format!(
                                "required = \"one_of\" is only allowed in [[request]] and in request-side objects, not in {} (one_of groups are made of request fields)",
                                scope.title()
                            ),
                        );
                    } else if !f.one_of.is_present() {
                        self.cx.error(
                            req.loc,
                            "required = \"one_of\" needs a one_of key naming the group",
                        );
                    }
                }
                other => {
                    if let Some(g) = f.one_of.get() {
                        self.cx.error(
                            g.loc,
                            format!(
                                "one_of is only allowed with required = \"one_of\" (found required = \"{}\")",
                                other.as_str()
                            ),
                        );
                    }
                }
            }
        }

        // required_if
        let required_if = f.required_if.get().map(|c| {
            if let Some(req) = required
                && req.v != RawRequired::Conditional
            {
                self.cx.error(
                    c.loc,
                    format!(
                        "required_if is only allowed with required = \"conditional\" (found required = \"{}\")",
                        req.v.as_str()
                    ),
                );
            }
            self.condition(&c.v, "required_if", name, siblings, scope)
        });

        // range_if
        let range_if = f.range_if.get().map(|items| {
            if let Some(t) = &ty
                && !t.scalar().is_some_and(|s| RANGED.contains(&s))
            {
                self.cx.error(
                    items.loc,
                    format!(
                        "range_if is only allowed on amount, pay_timeout and integer fields ({})",
                        t.desc()
                    ),
                );
                return None;
            }
            items
                .v
                .iter()
                .map(|r| {
                    let when = self.condition(&r.when, "range_if", name, siblings, scope);
                    let range = match (r.range.get(), &ty) {
                        (Some(range), Some(t)) => self.range(&range.v, range.loc, t, "range"),
                        _ => None,
                    };
                    Some(RangeIf {
                        when: when?,
                        range: range?,
                    })
                })
                // every element is checked before the first failure is looked at
                .collect::<Vec<_>>()
                .into_iter()
                .collect::<Option<Vec<_>>>()
        });

        // values_if
        let values_if = f.values_if.get().map(|items| {
            if let Some(t) = &ty
                && t.scalar() != Some(Scalar::Enum)
            {
                self.cx.error(
                    items.loc,
                    format!("values_if is only allowed on enum fields ({})", t.desc()),
                );
                return None;
            }
            let all = f.values.value();
            items
                .v
                .iter()
                .map(|v| {
                    let when = self.condition(&v.when, "values_if", name, siblings, scope);
                    let values = v.values.get()?;
                    if values.v.is_empty() {
                        self.cx.error(
                            values.loc,
                            "values_if values must not be empty (expected a subset of the field's values)",
                        );
                    }
                    no_repeats(self.cx, &values.v, "values_if values");
                    if let Some(all) = all {
                        for value in &values.v {
                            if !all.iter().any(|a| a.v == value.v) {
                                self.cx.error(
                                    value.loc,
                                    format!(
                                        "values_if value \"{}\" is not one of the field's values (expected a subset of: {})",
                                        value.v,
                                        all.iter().map(|a| a.v.as_str()).collect::<Vec<_>>().join(", ")
                                    ),
                                );
                            }
                        }
                    }
                    Some(ValuesIf {
                        when: when?,
                        values: values.v.iter().map(|s| s.v.clone()).collect(),
                    })
                })
                .collect::<Vec<_>>()
                .into_iter()
                .collect::<Option<Vec<_>>>()
        });

        if self.cx.error_count() != errors_before {
            return None;
        }
        let name = f.name.get()?;
        let ty = ty?;
        let required = match f.required.value()? {
            RawRequired::Yes => Required::Yes,
            RawRequired::No => Required::No,
            RawRequired::OneOf => Required::OneOf(f.one_of.string()?),
            RawRequired::Conditional => Required::Conditional,
        };
        let max_len = match f.max_len.get() {
            Some(m) => Some(MaxLen {
                value: u32::try_from(m.v).ok()?,
                unit: *f.len_unit.value()?,
            }),
            None => None,
        };
        if f.range.is_present() && range.is_none() {
            return None;
        }
        let item = match ty.item {
            Item::Scalar(s) => FieldType::Scalar(s),
            Item::Object => FieldType::Object(Box::new(object?)),
            Item::Named(n) => FieldType::Named(n),
        };
        Some(Field {
            name: name.v.clone(),
            ty: if ty.array {
                FieldType::Array(Box::new(item))
            } else {
                item
            },
            required,
            required_if: match required_if {
                Some(c) => Some(c?),
                None => None,
            },
            max_len,
            pattern: f.pattern.string(),
            range,
            range_if: match range_if {
                Some(r) => r?,
                None => Vec::new(),
            },
            values_if: match values_if {
                Some(v) => v?,
                None => Vec::new(),
            },
            max_items: match f.max_items.get() {
                Some(m) => Some(u32::try_from(m.v).ok()?),
                None => None,
            },
            allow_1c: f.allow_1c.value().copied().unwrap_or(false),
            default: f.default.string(),
            values: if f.values.is_present() {
                f.values.strings()?
            } else {
                Vec::new()
            },
            format: f.format.string(),
            doc: f.doc.string(),
            note: f.note.string(),
            example: f.example.string(),
            source: f.source.string(),
            inferred: if f.inferred.is_present() {
                f.inferred.strings()?
            } else {
                Vec::new()
            },
            location: name.loc,
        })
    }

    /// The members (`fields`) and groups (`one_of_groups`) of an object field, checked.
    /// `None` when the field is no object or a mistake was reported.
    fn members(&mut self, f: &RawField, ty: Option<&Ty>, scope: &Scope) -> Option<ObjectDef> {
        let name = f.name.value().map_or("?", String::as_str);
        match ty {
            Some(t) if t.item != Item::Object => {
                for (key, loc) in [
                    ("fields", f.fields.get().map(|s| s.loc)),
                    ("one_of_groups", f.one_of_groups.get().map(|s| s.loc)),
                ] {
                    if let Some(loc) = loc {
                        self.cx.error(
                            loc,
                            format!(
                                "{key} is only allowed on object fields and arrays of objects ({})",
                                t.desc()
                            ),
                        );
                    }
                }
                None
            }
            _ => {
                let child = scope.child(name);
                let members: &[RawField] = f.fields.value().map_or(&[], Vec::as_slice);
                if ty.is_some() && members.is_empty() && !matches!(f.fields, Slot::Bad) {
                    let at = match (ty, f.items.get(), f.ty.get()) {
                        (Some(t), Some(items), _) if t.array => items.loc,
                        (_, _, Some(word)) => word.loc,
                        _ => f.loc,
                    };
                    self.cx.error(
                        at,
                        format!(
                            "object \"{}\" has no fields (expected at least one {} table)",
                            child.path, child.header
                        ),
                    );
                }
                if ty.is_none() && !f.fields.is_present() && !f.one_of_groups.is_present() {
                    return None;
                }
                let fields = self.fields(members, &child);
                let group_header = child_header(&scope.header, "one_of_groups");
                let one_of = match f.one_of_groups.get() {
                    Some(groups) if scope.side == Side::Response => {
                        self.cx.error(
                            groups.loc,
                            format!(
                                "one_of_groups is only allowed in request-side objects, not in {} (one_of groups are made of request fields)",
                                scope.title()
                            ),
                        );
                        None
                    }
                    Some(groups) => self.groups(&groups.v, members, &child, &group_header),
                    None => self.groups(&[], members, &child, &group_header),
                };
                Some(ObjectDef {
                    fields: fields?,
                    one_of: one_of?,
                })
            }
        }
    }

    /// Checks a condition on a sibling field; the lowered condition when it is valid.
    fn condition(
        &mut self,
        c: &RawCondition,
        key: &str,
        own: &str,
        siblings: &[RawField],
        scope: &Scope,
    ) -> Option<Condition> {
        let errors_before = self.cx.error_count();
        let mut enum_values: Option<(&str, &[Sp<String>])> = None;
        if let Some(target) = c.field.get() {
            if target.v == own {
                self.cx.error(
                    target.loc,
                    format!("{key} names the field itself (a condition names another field of the same object)"),
                );
            } else if let Some(sibling) =
                siblings.iter().find(|s| s.name.value() == Some(&target.v))
            {
                match sibling.ty.value().map(String::as_str) {
                    Some("string") => {}
                    Some("enum") => {
                        if let Some(values) = sibling.values.value() {
                            enum_values = Some((target.v.as_str(), values));
                        }
                    }
                    Some(other) => self.cx.error(
                        target.loc,
                        format!(
                            "{key} names \"{}\", which is type \"{other}\" (expected a field of type enum or string)",
                            target.v
                        ),
                    ),
                    None => {}
                }
            } else if let Some((_, place)) = self
                .index
                .iter()
                .find(|(n, p)| *n == target.v && *p != scope.place)
            {
                let message = format!(
                    "{key} names \"{}\", which is not a sibling of \"{own}\" (it is a field of {place}; a condition names a field of the same object, {})",
                    target.v, scope.place
                );
                self.cx.error(target.loc, message);
            } else {
                self.cx.error(
                    target.loc,
                    format!(
                        "{key} names \"{}\", which is not a field of {}",
                        target.v, scope.place
                    ),
                );
            }
        }
        if let Some(equals) = c.equals.get() {
            if equals.v.is_empty() {
                self.cx.error(
                    equals.loc,
                    "equals must not be empty (expected a value or an array of values)",
                );
            }
            no_repeats(self.cx, &equals.v, "equals");
            if let Some((target, values)) = enum_values {
                for e in &equals.v {
                    if !values.iter().any(|v| v.v == e.v) {
                        self.cx.error(
                            e.loc,
                            format!(
                                "equals value \"{}\" is not one of the values of \"{target}\" (expected one of: {})",
                                e.v,
                                values.iter().map(|v| v.v.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        );
                    }
                }
            }
        }
        if self.cx.error_count() != errors_before {
            return None;
        }
        Some(Condition {
            field: c.field.string()?,
            equals: c.equals.strings()?,
            location: c.loc,
        })
    }

    /// Checks a `range` against the field's type; the lowered range when it is valid.
    fn range(&mut self, r: &RawRange, loc: Location, ty: &Ty, key: &str) -> Option<Range> {
        let cx = &mut *self.cx;
        match ty.scalar() {
            Some(Scalar::Amount) => {
                let scale = match r.scale.get() {
                    Some(s) if (0..=2).contains(&s.v) => u8::try_from(s.v).ok(),
                    Some(s) => {
                        cx.error(
                            s.loc,
                            format!("range scale {} is out of range (expected 0, 1 or 2)", s.v),
                        );
                        None
                    }
                    None => {
                        if !r.scale.is_present() {
                            cx.error(
                                loc,
                                "missing required key \"scale\" in range (an amount range needs scale, 0 to 2)",
                            );
                        }
                        None
                    }
                };
                let min = amount_bound(cx, "min", &r.min, scale);
                let max = amount_bound(cx, "max", &r.max, scale);
                let (min, max, scale) = (min?, max?, scale?);
                if min.0 > max.0 {
                    cx.error(
                        min.1.loc,
                        format!("range min {} is above max {}", min.1.v, max.1.v),
                    );
                    return None;
                }
                Some(Range::Amount {
                    min_fen: min.0,
                    max_fen: max.0,
                    scale,
                })
            }
            Some(Scalar::PayTimeout) => {
                if let Some(s) = r.scale.get() {
                    cx.error(
                        s.loc,
                        "range scale is only allowed on amount fields (a pay_timeout range has min and max)",
                    );
                }
                let min = timeout_bound(cx, "min", &r.min);
                let max = timeout_bound(cx, "max", &r.max);
                let (min, max) = (min?, max?);
                if min.0 > max.0 {
                    cx.error(
                        min.1.loc,
                        format!("range min {} is above max {}", min.1.v, max.1.v),
                    );
                    return None;
                }
                if r.scale.is_present() {
                    return None;
                }
                Some(Range::PayTimeout {
                    min_minutes: min.0,
                    max_minutes: max.0,
                    min: min.1.v.to_owned(),
                    max: max.1.v.to_owned(),
                })
            }
            Some(Scalar::Integer) => {
                if let Some(s) = r.scale.get() {
                    cx.error(
                        s.loc,
                        "range scale is only allowed on amount fields (an integer range has min and max)",
                    );
                }
                let min = integer_bound(cx, "min", &r.min);
                let max = integer_bound(cx, "max", &r.max);
                let (min, max) = (min?, max?);
                if min.v > max.v {
                    cx.error(
                        min.loc,
                        format!("range min {} is above max {}", min.v, max.v),
                    );
                    return None;
                }
                if r.scale.is_present() {
                    return None;
                }
                Some(Range::Integer {
                    min: min.v,
                    max: max.v,
                })
            }
            _ => {
                cx.error(
                    loc,
                    format!(
                        "{key} is only allowed on amount, pay_timeout and integer fields ({})",
                        ty.desc()
                    ),
                );
                None
            }
        }
    }
}

/// A range bound as a string (amount, pay_timeout); an integer is reported.
fn str_bound<'s>(
    cx: &mut Ctxt,
    which: &str,
    slot: &'s Slot<RawBound>,
    ty: &str,
    example: &str,
) -> Option<Sp<&'s str>> {
    let b = slot.get()?;
    match &b.v {
        RawBound::Str(s) => Some(Sp {
            v: s.as_str(),
            loc: b.loc,
        }),
        RawBound::Int(n) => {
            cx.error(
                b.loc,
                format!(
                    "range {which} of {ty} field must be a string (e.g. {which} = \"{example}\"), found the integer {n}"
                ),
            );
            None
        }
    }
}

/// One end of an integer range.
fn integer_bound(cx: &mut Ctxt, which: &str, slot: &Slot<RawBound>) -> Option<Sp<i64>> {
    let b = slot.get()?;
    match &b.v {
        RawBound::Int(n) => Some(Sp { v: *n, loc: b.loc }),
        RawBound::Str(s) => {
            cx.error(
                b.loc,
                format!(
                    "range {which} of an integer field must be a TOML integer (e.g. {which} = 1, no quotes), found the string \"{s}\""
                ),
            );
            None
        }
    }
}

/// One end of an amount range, in fen.
fn amount_bound<'s>(
    cx: &mut Ctxt,
    which: &str,
    slot: &'s Slot<RawBound>,
    scale: Option<u8>,
) -> Option<(u64, Sp<&'s str>)> {
    let s = str_bound(cx, which, slot, "an amount", "0.01")?;
    let Some((fen, decimals)) = parse_amount(s.v) else {
        cx.error(
            s.loc,
            format!(
                "range {which} \"{}\" is not an amount (expected a decimal with at most 2 decimals, e.g. \"0.01\")",
                s.v
            ),
        );
        return None;
    };
    if let Some(scale) = scale
        && decimals > scale
    {
        cx.error(
            s.loc,
            format!(
                "range {which} \"{}\" has {decimals} decimals, more than scale {scale}",
                s.v
            ),
        );
        return None;
    }
    Some((fen, s))
}

/// One end of a pay_timeout range, in minutes.
fn timeout_bound<'s>(
    cx: &mut Ctxt,
    which: &str,
    slot: &'s Slot<RawBound>,
) -> Option<(u32, Sp<&'s str>)> {
    let s = str_bound(cx, which, slot, "a pay_timeout", "90m")?;
    match parse_timeout_minutes(s.v) {
        Some(m) => Some((m, s)),
        None => {
            cx.error(
                s.loc,
                format!(
                    "range {which} \"{}\" is not a timeout (expected <integer><m|h|d>, e.g. \"90m\" or \"7d\")",
                    s.v
                ),
            );
            None
        }
    }
}

// ---- one-of groups, cycles -----------------------------------------------------------------

impl Checker<'_> {
    /// Checks the one-of groups of one object (`group_header`: `[[one_of]]`,
    /// `[[request.one_of_groups]]`, `[[type.one_of]]`) against its fields, both ways.
    fn groups(
        &mut self,
        groups: &[RawGroup],
        members: &[RawField],
        scope: &Scope,
        group_header: &str,
    ) -> Option<Vec<OneOfGroup>> {
        let cx = &mut *self.cx;
        let errors_before = cx.error_count();
        no_duplicates(cx, groups.iter().map(|g| &g.id), "one_of group");
        let member_desc = if scope.place == "[[request]]" {
            "a request field".to_owned()
        } else {
            format!("a field of {}", scope.place)
        };

        // fields by name (first occurrence; duplicates are reported elsewhere)
        let mut fields: HashMap<&str, &RawField> = HashMap::new();
        for f in members {
            if let Some(n) = f.name.value() {
                fields.entry(n.as_str()).or_insert(f);
            }
        }

        for g in groups {
            let id = g.id.value().map_or("?", String::as_str);
            let enforce = g.enforce.value().copied().unwrap_or(true);
            let Some(listed) = g.fields.get() else {
                continue;
            };
            if listed.v.len() < 2 {
                cx.error(
                    listed.loc,
                    format!(
                        "one_of group \"{id}\" has {} field{} (expected at least 2)",
                        listed.v.len(),
                        if listed.v.len() == 1 { "" } else { "s" }
                    ),
                );
            }
            let mut seen: Vec<&str> = Vec::new();
            for m in &listed.v {
                if seen.contains(&m.v.as_str()) {
                    cx.error(
                        m.loc,
                        format!("one_of group \"{id}\" lists \"{}\" twice", m.v),
                    );
                    continue;
                }
                seen.push(&m.v);
                let Some(field) = fields.get(m.v.as_str()) else {
                    cx.error(
                        m.loc,
                        format!(
                            "one_of group \"{id}\" names \"{}\", which is not {member_desc}",
                            m.v
                        ),
                    );
                    continue;
                };
                let Some(req) = field.required.value() else {
                    continue;
                };
                if *req == RawRequired::OneOf && field.one_of.get().is_none() {
                    // a missing or unusable `one_of` key is reported on the field already
                    continue;
                }
                let in_group = *req == RawRequired::OneOf
                    && field.one_of.value().map(String::as_str) == Some(id);
                if enforce && !in_group {
                    cx.error(
                        m.loc,
                        format!(
                            "one_of group \"{id}\" names \"{}\", which is not marked required = \"one_of\" with one_of = \"{id}\"",
                            m.v
                        ),
                    );
                } else if !enforce && !in_group && *req != RawRequired::Conditional {
                    cx.error(
                        m.loc,
                        format!(
                            "one_of group \"{id}\" (enforce = false) names \"{}\", which is neither required = \"conditional\" nor one_of = \"{id}\"",
                            m.v
                        ),
                    );
                }
            }
            if let Some(min) = g.min.get()
                && listed.v.len() >= 2
            {
                let len = i64::try_from(listed.v.len()).unwrap_or(i64::MAX);
                if min.v < 1 || min.v > len {
                    cx.error(
                        min.loc,
                        format!(
                            "min {} is out of range (expected 1 to {len}, the number of fields)",
                            min.v
                        ),
                    );
                }
            }
            if let Some(prec) = g.precedence.get() {
                let mut seen: Vec<&str> = Vec::new();
                for p in &prec.v {
                    if seen.contains(&p.v.as_str()) {
                        cx.error(p.loc, format!("precedence lists \"{}\" twice", p.v));
                    } else if !listed.v.iter().any(|m| m.v == p.v) {
                        cx.error(
                            p.loc,
                            format!(
                                "precedence names \"{}\", which is not in the fields of one_of group \"{id}\"",
                                p.v
                            ),
                        );
                    }
                    seen.push(&p.v);
                }
                let names: Vec<&str> = listed.v.iter().map(|m| m.v.as_str()).collect();
                for m in &names {
                    if !seen.contains(m) {
                        cx.error(
                            prec.loc,
                            format!(
                                "precedence is missing \"{m}\" (expected a permutation of fields: {})",
                                names.join(", ")
                            ),
                        );
                    }
                }
            }
        }

        // the other way: every field with required = "one_of" names a group that lists it
        for f in members {
            let (Some(RawRequired::OneOf), Some(g)) = (f.required.value(), f.one_of.get()) else {
                continue;
            };
            if !scope.one_of_ok {
                // reported on the field's `required`
                continue;
            }
            let name = f.name.value().map_or("?", String::as_str);
            match groups.iter().find(|gr| gr.id.value() == Some(&g.v)) {
                None => {
                    let ids: Vec<&str> = groups
                        .iter()
                        .filter_map(|gr| gr.id.value().map(String::as_str))
                        .collect();
                    let expected = if ids.is_empty() {
                        format!("there is no {group_header} group")
                    } else {
                        format!("expected one of: {}", ids.join(", "))
                    };
                    cx.error(
                        g.loc,
                        format!(
                            "field \"{name}\" names one_of group \"{}\", which is not defined ({expected})",
                            g.v
                        ),
                    );
                }
                Some(group) => {
                    if let Some(listed) = group.fields.value()
                        && !listed.iter().any(|m| m.v == name)
                    {
                        cx.error(
                            g.loc,
                            format!(
                                "field \"{name}\" names one_of group \"{}\", whose fields do not list it",
                                g.v
                            ),
                        );
                    }
                }
            }
        }

        if cx.error_count() != errors_before {
            return None;
        }
        groups
            .iter()
            .map(|g| {
                let id = g.id.get()?;
                Some(OneOfGroup {
                    id: id.v.clone(),
                    fields: g.fields.strings()?,
                    min: u32::try_from(*g.min.value()?).ok()?,
                    precedence: g.precedence.strings()?,
                    enforce: g.enforce.value().copied().unwrap_or(true),
                    condition: g.condition.string(),
                    doc: g.doc.string(),
                    source: g.source.string(),
                    inferred: if g.inferred.is_present() {
                        g.inferred.strings()?
                    } else {
                        Vec::new()
                    },
                    location: id.loc,
                })
            })
            .collect()
    }

    /// Reports every cycle among the shared types once, at the first field (in file order)
    /// that closes it: `cycle in shared types: A -> B -> A`.
    fn cycles(&mut self, raw: &RawTypes) {
        // the shared types each type names (first declaration of a name only), in file order
        let mut refs: Vec<(&str, Vec<(String, Location)>)> = Vec::new();
        for t in &raw.types {
            let Some(name) = t.name.value() else {
                continue;
            };
            if refs.iter().any(|(n, _)| *n == name.as_str()) {
                continue;
            }
            let mut out = Vec::new();
            self.named_refs(&t.fields, &mut out);
            refs.push((name, out));
        }
        let edges = |from: &str| -> Vec<&str> {
            refs.iter()
                .find(|(n, _)| *n == from)
                .map(|(_, r)| r.iter().map(|(to, _)| to.as_str()).collect())
                .unwrap_or_default()
        };
        let mut reported: Vec<Vec<&str>> = Vec::new();
        for (from, targets) in &refs {
            for (to, loc) in targets {
                let Some(path) = shortest_path(to, from, &edges) else {
                    continue;
                };
                // the cycle's members, rotated to start at the smallest name
                let mut members: Vec<&str> = std::iter::once(*from)
                    .chain(path[..path.len() - 1].iter().copied())
                    .collect();
                if let Some(start) = members
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, n)| **n)
                    .map(|(i, _)| i)
                {
                    members.rotate_left(start);
                }
                if reported.contains(&members) {
                    continue;
                }
                reported.push(members);
                let shown: Vec<&str> = std::iter::once(*from).chain(path.iter().copied()).collect();
                self.cx.error(
                    *loc,
                    format!("cycle in shared types: {}", shown.join(" -> ")),
                );
            }
        }
    }

    /// The known shared types `fields` name (through arrays and inline objects), in file order.
    fn named_refs(&self, fields: &[RawField], out: &mut Vec<(String, Location)>) {
        for f in fields {
            let target = if f.ty.value().map(String::as_str) == Some("array") {
                f.items.get()
            } else {
                f.ty.get()
            };
            if let Some(t) = target
                && self.known.side(&t.v).is_some()
            {
                out.push((t.v.clone(), t.loc));
            }
            if let Some(members) = f.fields.value() {
                self.named_refs(members, out);
            }
        }
    }
}

/// The shortest path `from` → ... → `to` along `edges` (both ends included; `[to]` when
/// `from == to`).
fn shortest_path<'n>(
    from: &'n str,
    to: &'n str,
    edges: &dyn Fn(&str) -> Vec<&'n str>,
) -> Option<Vec<&'n str>> {
    if from == to {
        return Some(vec![to]);
    }
    let mut prev: HashMap<&str, &str> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        for next in edges(n) {
            if next == from || prev.contains_key(next) {
                continue;
            }
            prev.insert(next, n);
            if next == to {
                let mut path = vec![to];
                let mut at = to;
                while let Some(p) = prev.get(at) {
                    path.push(p);
                    at = p;
                }
                path.reverse();
                return Some(path);
            }
            queue.push_back(next);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(file_stem("specs/a.b.toml"), "a.b");
        assert_eq!(file_stem("C:\\x\\a.b.toml"), "a.b");
        assert_eq!(file_stem("a.b"), "a.b");
        assert_eq!(expected_response_node("a.b.c"), "a_b_c_response");
    }
}
