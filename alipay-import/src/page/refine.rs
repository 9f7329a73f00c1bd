//! From rows as written to fields as the spec language says them: types refined by the
//! description (enum values, UIDs, JSON text, timeouts, date-times), lengths and their unit,
//! ranges, one-of groups, the execution mode and a handling guess per error code.

use std::collections::BTreeMap;

use super::table::{ErrorRow, Row};
use super::{Line, Side};
use crate::model::*;

/// Example values the page's request code and response JSON give per field name.
#[derive(Debug, Default)]
pub(crate) struct Examples {
    pub request: BTreeMap<String, Vec<String>>,
    pub response: BTreeMap<String, Vec<String>>,
}

impl Examples {
    pub fn read(request: &[Line], response: &[Line]) -> Self {
        let mut ex = Examples::default();
        for l in request {
            // Java: "\"out_order_no\":\"8077735255938023\"," +   (or a bare number)
            for (k, v) in pairs(l.text, "\\\"") {
                ex.request.entry(k).or_default().push(v);
            }
        }
        for l in response {
            for (k, v) in pairs(l.text, "\"") {
                ex.response.entry(k).or_default().push(v);
            }
        }
        ex
    }
}

/// `<q>key<q>:<q>value<q>` or `<q>key<q>:value` pairs on one line.
fn pairs(line: &str, q: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(q) {
        let after = &rest[at + q.len()..];
        let Some(end) = after.find(q) else { break };
        let key = &after[..end];
        let tail = &after[end + q.len()..];
        if let Some(value_part) = tail.strip_prefix(':')
            && super::table::is_param_name(key)
        {
            let value_part = value_part.trim_start();
            let (value, used) = if let Some(v) = value_part.strip_prefix(q) {
                match v.find(q) {
                    Some(e) => (v[..e].to_owned(), q.len() + e + q.len()),
                    None => break,
                }
            } else {
                let e = value_part
                    .find([',', '}', '"', ' '])
                    .unwrap_or(value_part.len());
                (value_part[..e].to_owned(), e)
            };
            if !value.is_empty() && !value.starts_with('{') && !value.starts_with('[') {
                out.push((key.to_owned(), value));
            }
            let consumed = line.len() - value_part.len() + used;
            rest = line.get(consumed..).unwrap_or("");
        } else {
            rest = &after[end..];
        }
    }
    out
}

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
}

/// Splits a row's text into its doc text and its example value.
pub(crate) fn doc_and_example(row: &Row, known: &[String]) -> (String, String) {
    let mut text = row.text.clone();
    let mut example = String::new();
    if let Some(last) = text.last().cloned() {
        if let Some(k) = known.iter().find(|k| **k == last.trim()) {
            if text.len() > 1 {
                example = k.clone();
                text.pop();
            }
        } else if let Some(k) = known
            .iter()
            .find(|k| last.ends_with(&format!(" {k}")) && !k.is_empty())
        {
            example = k.clone();
            let cut = last.len() - k.len();
            if let Some(l) = text.last_mut() {
                *l = last[..cut].trim_end().to_owned();
            }
        } else if text.len() > 1 {
            // A description over several lines ends with the example on a line of its own.
            let looks_like_value = !last.contains(['，', ',', '。', ';', '；'])
                && last.chars().count() <= 64
                || !has_cjk(&last);
            if looks_like_value {
                example = last.trim().to_owned();
                text.pop();
            }
        } else {
            // One line: `description example`; a date-time example is two words.
            let words: Vec<&str> = last.split_whitespace().collect();
            if words.len() >= 2 {
                let n = words.len();
                let take = if n >= 3 && is_datetime(&format!("{} {}", words[n - 2], words[n - 1])) {
                    2
                } else {
                    1
                };
                example = words[n - take..].join(" ");
                let keep = words[..n - take].join(" ");
                if let Some(l) = text.last_mut() {
                    *l = keep;
                }
            }
        }
    }
    text.retain(|l| !l.is_empty());
    (text.join("\n"), example)
}

fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && is_datetime(&format!("{s} 00:00:00"))
}

/// Words by which a description of an optional field says when it must be given.
const CONDITIONAL_WORDS: &[&str] = &[
    "时填写",
    "时必填",
    "时必传",
    "时必须",
    "情况下必填",
    "时需要传入",
];

/// One row as a field (members too).
pub(crate) fn field(row: &Row, examples: &BTreeMap<String, Vec<String>>, side: Side) -> Field {
    let known = examples.get(&row.name).map(Vec::as_slice).unwrap_or(&[]);
    let (doc, example) = doc_and_example(row, known);
    let mut f = Field {
        name: row.name.clone(),
        doc: doc.clone(),
        example: example.clone(),
        source: format!("doc page line {}", row.line),
        ..Field::default()
    };
    f.required = match row.required.as_str() {
        "必须" | "必选" | "必填" => Required::Yes,
        "特殊可选" if side == Side::Request => Required::OneOf(String::new()),
        "特殊可选" => {
            f.notes
                .push("特殊可选 on the page: a received field may be absent.".into());
            Required::No
        }
        "条件必填" | "条件必选" => Required::Conditional,
        _ => Required::No,
    };
    if f.required == Required::No
        && let Some(w) = CONDITIONAL_WORDS.iter().find(|w| doc.contains(*w))
    {
        f.required = Required::Conditional;
        f.infer(
            "required",
            format!("marked 可选, but \"{w}\" in its text makes it required under a condition"),
        );
    }
    let base = row.ty.trim_end_matches("[]").to_ascii_lowercase();
    let value_ty = if row.class().is_some() && !row.children.is_empty() {
        f.fields = row
            .children
            .iter()
            .map(|c| field(c, examples, side))
            .collect();
        if row.class() != Some("Object") && row.class() != Some("object") {
            f.notes.push(format!("The doc's type: {}.", row.ty));
        }
        Ty::Object
    } else {
        match base.as_str() {
            "price" => Ty::Amount,
            "number" | "long" | "integer" | "int" => {
                if example.is_empty() || example.parse::<i64>().is_ok() {
                    Ty::Integer
                } else {
                    Ty::Number
                }
            }
            "double" | "float" => Ty::Number,
            "boolean" => Ty::Boolean,
            "date" => {
                if is_date(&example) {
                    Ty::Date
                } else {
                    Ty::DateTime
                }
            }
            "json" | "object" => Ty::Json,
            _ => Ty::String,
        }
    };
    let value_ty = refine_string(&mut f, value_ty, &doc, &example);
    f.ty = if row.is_array() {
        Ty::Array(Box::new(value_ty))
    } else {
        value_ty
    };
    lengths(&mut f, row.max_len, &doc, side);
    ranges(&mut f, &doc);
    f
}

/// What a `String` (or `Price`/`Date`) column really holds, read from the description.
fn refine_string(f: &mut Field, ty: Ty, doc: &str, example: &str) -> Ty {
    let name = f.name.clone();
    let lower = doc.to_ascii_lowercase();
    match ty {
        Ty::String => {
            if let Some((min, max)) = timeout_range(doc) {
                f.range = Some(Range::Timeout { min, max });
                f.allow_1c = doc.contains("1c");
                f.default = default_value(doc);
                return Ty::PayTimeout;
            }
            if doc.contains("2088开头") {
                return Ty::UserId;
            }
            if (name == "user_id" || name.ends_with("_user_id"))
                && (example.starts_with("2088") || example.is_empty())
            {
                f.infer(
                    "pattern",
                    "an Alipay UID by its name; the page does not restate the 2088 rule",
                );
                return Ty::UserId;
            }
            if lower.contains("json格式")
                || lower.contains("json字符串")
                || lower.contains("json串")
            {
                return Ty::Json;
            }
            if let Some(fmt) = stated_time_format(&lower) {
                f.format = Some(fmt.0.to_owned());
                return fmt.1;
            }
            if is_datetime(example) {
                f.format = Some("yyyy-MM-dd HH:mm:ss".into());
                f.infer("format", "taken from the example value");
                return Ty::DateTime;
            }
            if example.is_empty() && name.starts_with("gmt_") {
                f.format = Some("yyyy-MM-dd HH:mm:ss".into());
                f.infer(
                    "type",
                    "a time by its name (gmt_*); the page gives no format",
                );
                f.infer("format", "Alipay's usual time format; the page gives none");
                return Ty::DateTime;
            }
            let values = enum_values(doc);
            if !values.is_empty() {
                f.values = values;
                return Ty::Enum;
            }
            if name == "amount" || name.ends_with("_amount") {
                f.infer("type", "an amount by its name; the page's type is String");
                return Ty::Amount;
            }
            Ty::String
        }
        Ty::Amount => {
            if doc.contains("#.00") {
                f.format = Some("#.00".into());
            }
            Ty::Amount
        }
        Ty::DateTime => {
            f.format = Some("yyyy-MM-dd HH:mm:ss".into());
            if stated_time_format(&lower).is_none() {
                f.infer(
                    "format",
                    "the page's type is Date; the example shows the time",
                );
            }
            Ty::DateTime
        }
        other => other,
    }
}

fn stated_time_format(lower: &str) -> Option<(&'static str, Ty)> {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains("yyyy-mm-ddhh:mm:ss") {
        Some(("yyyy-MM-dd HH:mm:ss", Ty::DateTime))
    } else if compact.contains("yyyy-mm-dd") {
        Some(("yyyy-MM-dd", Ty::Date))
    } else if compact.contains("yyyy-mm") {
        Some(("yyyy-MM", Ty::Month))
    } else {
        None
    }
}

/// `1m~15d`, `1m～7d`, `1m-15d`: a relative timeout range.
fn timeout_range(doc: &str) -> Option<(String, String)> {
    let chars: Vec<char> = doc.chars().collect();
    let unit = |c: char| matches!(c, 'm' | 'h' | 'd' | 'c');
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j < chars.len() && unit(chars[j]) {
                let min: String = chars[i..=j].iter().collect();
                let mut k = j + 1;
                while k < chars.len() && chars[k] == ' ' {
                    k += 1;
                }
                if k < chars.len() && matches!(chars[k], '~' | '～' | '-' | '－' | '至') {
                    k += 1;
                    while k < chars.len() && chars[k] == ' ' {
                        k += 1;
                    }
                    let s = k;
                    while k < chars.len() && chars[k].is_ascii_digit() {
                        k += 1;
                    }
                    if k > s && k < chars.len() && unit(chars[k]) && chars[k] != 'c' {
                        let max: String = chars[s..=k].iter().collect();
                        let min = if min.ends_with('c') {
                            "1m".to_owned()
                        } else {
                            min
                        };
                        return Some((min, max));
                    }
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// `默认1h`, `默认为15m`, `如果为空,默认1h`.
fn default_value(doc: &str) -> Option<String> {
    let at = doc.find("默认")?;
    let rest = doc[at + "默认".len()..].trim_start_matches(['为', ':', '：', ' ']);
    let v: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    (!v.is_empty()).then_some(v)
}

fn is_code(t: &str, digits_ok: bool) -> bool {
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && (digits_ok || t.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// The closed set of values a description lists, in its order.
pub(crate) fn enum_values(doc: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |v: &str, out: &mut Vec<String>| {
        if !out.iter().any(|o| o == v) {
            out.push(v.to_owned());
        }
    };
    // 1. A marker followed by a list: 取值：A、B / 枚举值：A,B / 可选值：A B
    for marker in ["枚举值", "可选值", "取值为", "取值"] {
        for (at, _) in doc.match_indices(marker) {
            let rest = doc[at + marker.len()..].trim_start_matches([':', '：', ' ']);
            if rest.starts_with("范围") || rest.starts_with('[') {
                continue;
            }
            let upto = rest.find(['。', '\n', ';', '；']).unwrap_or(rest.len());
            let items: Vec<&str> = rest[..upto]
                .split(['、', ',', '，', '/', ' ', '|'])
                .map(|i| i.split([':', '：', '(', '（']).next().unwrap_or("").trim())
                .filter(|i| !i.is_empty())
                .collect();
            let codes: Vec<&str> = items
                .iter()
                .copied()
                .take_while(|i| is_code(i, true))
                .collect();
            if !codes.is_empty() {
                for c in codes {
                    push(c, &mut out);
                }
                return out;
            }
        }
    }
    // 2. 【A,B】 or 【A:说明,B:说明】
    if let Some(open) = doc.find('【')
        && let Some(len) = doc[open..].find('】')
    {
        let inner = &doc[open + '【'.len_utf8()..open + len];
        let items: Vec<&str> = inner
            .split([',', '，', '、'])
            .map(|i| i.split([':', '：']).next().unwrap_or("").trim())
            .collect();
        if items.iter().all(|i| is_code(i, false)) && !items.is_empty() {
            for i in items {
                push(i, &mut out);
            }
            return out;
        }
    }
    // 3. Pairs `CODE:说明` (the text after the colon is Chinese), two or more.
    let chars: Vec<(usize, char)> = doc.char_indices().collect();
    for (n, &(at, c)) in chars.iter().enumerate() {
        if !(c == ':' || c == '：') {
            continue;
        }
        let start = doc[..at]
            .char_indices()
            .rev()
            .take_while(|(_, ch)| ch.is_ascii_alphanumeric() || *ch == '_')
            .last()
            .map(|(i, _)| i);
        let Some(start) = start else { continue };
        let code = &doc[start..at];
        let after = chars[n + 1..]
            .iter()
            .map(|(_, ch)| *ch)
            .find(|ch| *ch != ' ');
        if is_code(code, false) && after.is_some_and(|ch| has_cjk(&ch.to_string())) {
            push(code, &mut out);
        }
    }
    if out.len() >= 2 {
        return out;
    }
    out.clear();
    // 4. A fixed value: 取值固定为PRE_AUTH / 固定为X
    if let Some(at) = doc.find("固定为") {
        let rest = doc[at + "固定为".len()..].trim_start_matches([':', '：', ' ']);
        let v: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if is_code(&v, false) {
            out.push(v);
        }
    }
    out
}

fn lengths(f: &mut Field, max_len: Option<u64>, doc: &str, side: Side) {
    let Some(n) = max_len else { return };
    let takes_len = matches!(
        f.ty.value(),
        Ty::String
            | Ty::Enum
            | Ty::UserId
            | Ty::Json
            | Ty::PayTimeout
            | Ty::DateTime
            | Ty::Date
            | Ty::Month
            | Ty::Integer
            | Ty::Amount
    );
    if !takes_len {
        return;
    }
    if matches!(f.ty.value(), Ty::Amount) && side != Side::Request {
        f.notes.push(format!(
            "The page's max length {n} is left out: a received amount is not length-checked."
        ));
        return;
    }
    if matches!(f.ty.value(), Ty::Amount) && amount_range(doc).is_some() {
        f.notes.push(format!(
            "The page's max length {n} is left out: the range governs an amount."
        ));
        return;
    }
    f.max_len = Some(n);
    if has_letters_or_hanzi(doc) {
        f.len_unit = Some(LenUnit::GbkByte);
        f.infer(
            "len_unit",
            "\"N个字母或M个汉字\": one unit per letter, two per 汉字 = GBK bytes",
        );
    } else {
        f.len_unit = Some(LenUnit::Char);
        f.infer("len_unit", "the page gives no unit; char assumed");
    }
}

/// "长度不超过100个字母或50个汉字".
fn has_letters_or_hanzi(doc: &str) -> bool {
    doc.contains("个汉字")
        && (doc.contains("个字母") || doc.contains("个字符") || doc.contains("个英文"))
}

/// `取值范围:[0.01,100000000.00]`.
fn amount_range(doc: &str) -> Option<(String, String)> {
    let at = doc.find("取值范围")?;
    let rest = &doc[at..];
    let open = rest.find(['[', '【'])?;
    let close = rest[open..].find([']', '】'])? + open;
    let inner = rest[open..close].trim_start_matches(['[', '【']);
    let (a, b) = inner.split_once([',', '，'])?;
    let (a, b) = (a.trim(), b.trim());
    let numeric = |s: &str| {
        !s.is_empty()
            && s.chars().all(|c| c.is_ascii_digit() || c == '.')
            && s.matches('.').count() <= 1
    };
    (numeric(a) && numeric(b)).then(|| (a.to_owned(), b.to_owned()))
}

fn ranges(f: &mut Field, doc: &str) {
    let Some((min, max)) = amount_range(doc) else {
        return;
    };
    match f.ty.value() {
        Ty::Amount => {
            let decimals = |s: &str| s.split_once('.').map_or(0, |(_, d)| d.len() as u32);
            let scale = if doc.contains("两位") || doc.contains("2位") {
                2
            } else {
                decimals(&min).max(decimals(&max)).max(2)
            };
            f.range = Some(Range::Amount { min, max, scale });
        }
        Ty::Integer => {
            if let (Ok(min), Ok(max)) = (min.parse(), max.parse()) {
                f.range = Some(Range::Integer { min, max });
            }
        }
        _ => {}
    }
}

/// The one-of groups among `fields` (siblings), from the words of their descriptions.
/// Fields left `特殊可选` with no group become conditional.
pub(crate) fn groups(fields: &mut [Field], rows: &[Row]) -> Vec<OneOfGroup> {
    let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
    let special: Vec<bool> = rows.iter().map(|r| r.required == "特殊可选").collect();
    // Union-find over the fields a rule sentence ties together.
    let mut group_of: Vec<Option<usize>> = vec![None; fields.len()];
    let mut sentences: Vec<String> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let Some(sentence) = rule_sentence(&f.doc) else {
            continue;
        };
        let mut members: Vec<usize> = vec![i];
        for (j, n) in names.iter().enumerate() {
            if j != i && mentions(&sentence, n) {
                members.push(j);
            }
        }
        if members.len() < 2 {
            continue;
        }
        let existing = members.iter().find_map(|&m| group_of[m]);
        let g = existing.unwrap_or_else(|| {
            sentences.push(sentence.clone());
            sentences.len() - 1
        });
        for m in members {
            group_of[m] = Some(g);
        }
    }
    let mut out: Vec<OneOfGroup> = Vec::new();
    for (g, sentence) in sentences.iter().enumerate() {
        let members: Vec<usize> = (0..fields.len())
            .filter(|&i| group_of[i] == Some(g))
            .collect();
        if members.is_empty() {
            continue;
        }
        let conditional = ["如果", "若", "当", "时,", "时，"].iter().any(|w| {
            sentence
                .split("不能同时为空")
                .next()
                .unwrap_or("")
                .contains(w)
        }) && !members.iter().any(|&m| special[m]);
        let mut grp = OneOfGroup {
            fields: members.iter().map(|&m| names[m].clone()).collect(),
            min: 1,
            enforce: !conditional,
            doc: sentence.clone(),
            ..OneOfGroup::default()
        };
        grp.precedence = precedence(sentence, &grp.fields).unwrap_or_else(|| {
            grp.inferred.push((
                "precedence".into(),
                "the page does not say which one wins; table order".into(),
            ));
            grp.fields.clone()
        });
        if !conditional && !members.iter().all(|&m| special[m]) {
            grp.inferred.push((
                "enforce".into(),
                "members marked 可选, but the text says they may not all be empty".into(),
            ));
        }
        out.push(grp);
    }
    // 特殊可选 fields no sentence ties: one group of them all when there are several.
    let loose: Vec<usize> = (0..fields.len())
        .filter(|&i| special.get(i).copied().unwrap_or(false) && group_of[i].is_none())
        .collect();
    if loose.len() >= 2 {
        let fields_of: Vec<String> = loose.iter().map(|&m| names[m].clone()).collect();
        out.push(OneOfGroup {
            precedence: fields_of.clone(),
            doc: format!("{} (all 特殊可选)", fields_of.join(" / ")),
            fields: fields_of,
            min: 1,
            enforce: true,
            inferred: vec![
                (
                    "min".into(),
                    "all marked 特殊可选 with no rule stated; at least one assumed".into(),
                ),
                (
                    "precedence".into(),
                    "the page does not say which one wins; table order".into(),
                ),
            ],
            ..OneOfGroup::default()
        });
    }
    // Ids, and the members' required flags.
    let mut used: Vec<String> = Vec::new();
    for g in &mut out {
        let first = g.precedence.first().cloned().unwrap_or_default();
        let stem = first.split('_').next().unwrap_or("group").to_owned();
        let mut id = stem.clone();
        let mut n = 2;
        while used.contains(&id) || names.iter().any(|nm| *nm == id && !g.fields.contains(nm)) {
            id = format!("{stem}{n}");
            n += 1;
        }
        used.push(id.clone());
        g.id = id;
        for m in &g.fields {
            if let Some(f) = fields.iter_mut().find(|f| &f.name == m) {
                f.required = if g.enforce {
                    Required::OneOf(g.id.clone())
                } else {
                    Required::Conditional
                };
            }
        }
    }
    for f in fields.iter_mut() {
        if f.required == Required::OneOf(String::new()) {
            f.required = Required::Conditional;
            f.infer(
                "required",
                "特殊可选 with no partner field named: required under a condition the text states",
            );
        }
    }
    out
}

/// Groups inside objects, at every level.
pub(crate) fn nested_groups(fields: &mut [Field], rows: &[Row]) {
    for (f, r) in fields.iter_mut().zip(rows) {
        if !r.children.is_empty() {
            f.one_of_groups = groups(&mut f.fields, &r.children);
            nested_groups(&mut f.fields, &r.children);
        }
    }
}

/// The sentence of a description that states a "not all empty" rule.
fn rule_sentence(doc: &str) -> Option<String> {
    const MARKERS: &[&str] = &[
        "不能同时为空",
        "二者选一",
        "二选一",
        "必须传一",
        "至少传一",
        "其中之一",
    ];
    doc.split(['。', '\n'])
        .find(|s| MARKERS.iter().any(|m| s.contains(m)))
        .map(|s| s.trim().to_owned())
}

/// Whether `text` names the field `name` as a whole word.
fn mentions(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        !word(before) && !word(after)
    })
}

/// `以X为准` puts X first; `优先级依次降低` takes the order the sentence names them in.
fn precedence(sentence: &str, fields: &[String]) -> Option<Vec<String>> {
    if let Some(at) = sentence.find("为准") {
        let head = &sentence[..at];
        let from = head.rfind('以')?;
        let span = &head[from..];
        let winner = fields.iter().find(|f| mentions(span, f))?;
        let mut order = vec![winner.clone()];
        order.extend(fields.iter().filter(|f| *f != winner).cloned());
        return Some(order);
    }
    if sentence.contains("优先级依次降低") || sentence.contains("优先级从高到低") {
        let mut named: Vec<(usize, String)> = fields
            .iter()
            .filter_map(|f| {
                sentence
                    .match_indices(f.as_str())
                    .find(|(at, _)| mentions(&sentence[*at..*at + f.len()], f))
                    .map(|(at, _)| (at, f.clone()))
            })
            .collect();
        named.sort();
        if named.len() == fields.len() {
            return Some(named.into_iter().map(|(_, f)| f).collect());
        }
    }
    None
}

/// An error row, with a handling guessed from its solution (and message).
pub(crate) fn error(row: ErrorRow) -> ErrorCode {
    let text = format!("{} {}", row.msg, row.solution);
    // (words that must all appear, handling), first match wins; the solution is read first.
    let rules: &[(&[&str], &str)] = &[
        (&["查询"], "query_then_decide"),
        (&["相同的参数"], "retry_same"),
        (&["原参数"], "retry_same"),
        (&["重试"], "retry_same"),
        (&["稍后"], "retry_same"),
        (&["再次调用"], "retry_same"),
        (&["更换", "请求流水号"], "new_out_request_no"),
        (&["更换", "订单号"], "new_out_order_no"),
        (&["签约"], "merchant_contract"),
        (&["合同"], "merchant_contract"),
        (&["开通"], "merchant_contract"),
        (&["95188"], "user_action"),
        (&["充值"], "user_action"),
        (&["认证"], "user_action"),
        (&["用户"], "user_action"),
        (&["买家"], "user_action"),
        (&["顾客"], "user_action"),
    ];
    let matching = |hay: &str| {
        rules
            .iter()
            .find(|(words, _)| words.iter().all(|w| hay.contains(w)))
            .map(|(words, h)| (*h, words.join("\" and \"")))
    };
    let found = matching(&row.solution).or_else(|| matching(&text));
    let (handling, why) = match found {
        Some((h, w)) => (h, format!("guessed from \"{w}\" in the error's text")),
        None => (
            "fix_request",
            "the solution names no other action".to_owned(),
        ),
    };
    ErrorCode {
        code: row.code,
        msg: row.msg,
        solution: row.solution,
        handling: handling.to_owned(),
        why,
    }
}

/// How the API runs: the page's Java example states it; else the method name and the text.
pub(crate) fn execution(method: &str, doc: &str, request_example: &[Line]) -> Guessed<Execution> {
    let code: String = request_example
        .iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    if code.contains(".pageExecute(") {
        return Guessed::stated(Execution::PageExecute);
    }
    if code.contains(".sdkExecute(") {
        return Guessed::stated(Execution::SdkExecute);
    }
    let segs: Vec<&str> = method.split('.').collect();
    let by_name = if segs.iter().any(|s| *s == "page" || *s == "wap") {
        Some(Execution::PageExecute)
    } else if segs
        .windows(2)
        .any(|w| w[0] == "app" && matches!(w[1], "pay" | "freeze" | "sign"))
    {
        Some(Execution::SdkExecute)
    } else {
        None
    };
    let by_text = if doc.contains("跳转") && (doc.contains("页面") || doc.contains("收银台"))
    {
        Some(Execution::PageExecute)
    } else if doc.contains("唤起支付宝") || doc.contains("APP支付") || doc.contains("app支付")
    {
        Some(Execution::SdkExecute)
    } else {
        None
    };
    match (by_name, by_text) {
        (Some(n), Some(t)) if n == t => Guessed::guess(
            n,
            "from the method name and the page's description (its example shows no execute call)",
        ),
        (Some(n), _) => Guessed::guess(
            n,
            "from the method name (page/wap: browser; app: the Alipay app SDK)",
        ),
        (None, Some(t)) => Guessed::guess(t, "from the page's description"),
        (None, None) if code.contains(".execute(") => Guessed::stated(Execution::Execute),
        (None, None) => Guessed::guess(Execution::Execute, "the page shows no execute call"),
    }
}

/// Where the request fields travel.
pub(crate) fn params(
    public: Option<&[String]>,
    request: &[Field],
    request_example: &[Line],
) -> Guessed<Params> {
    let code: String = request_example
        .iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join("\n");
    if request.is_empty() {
        return Guessed::stated(Params::None);
    }
    match public {
        Some(names) if names.iter().any(|n| n == "biz_content") => {
            Guessed::stated(Params::BizContent)
        }
        Some(_) => Guessed::guess(
            Params::TopLevel,
            "the public parameters have no biz_content, so the fields are form fields",
        ),
        None if code.contains("setBizContent") => Guessed::stated(Params::BizContent),
        None if code.contains("request.set") => Guessed::guess(
            Params::TopLevel,
            "the example sets the fields one by one, not in biz_content",
        ),
        None => Guessed::guess(Params::BizContent, "the page shows no public parameters"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_values_in_the_forms_pages_use() {
        let cases: &[(&str, &[&str])] = &[
            ("状态。取值：WAIT、SUCCESS", &["WAIT", "SUCCESS"]),
            ("枚举值：A,B,C", &["A", "B", "C"]),
            ("分期数,取值：3、6、12", &["3", "6", "12"]),
            ("资金操作类型,支持【PAY,REFUND】", &["PAY", "REFUND"]),
            (
                "支持【INIT:初始状态,SUCCESS:成功,CLOSED:关闭】",
                &["INIT", "SUCCESS", "CLOSED"],
            ),
            (
                "目前支持: INIT:初始\nSUCCESS: 成功\nCLOSED:关闭",
                &["INIT", "SUCCESS", "CLOSED"],
            ),
            (
                "码类型,分为 barCode:条形码 (一维码) 和 qrCode:二维码(qrCode) ;",
                &["barCode", "qrCode"],
            ),
            ("销售产品码,本字段取值固定为PRE_AUTH。", &["PRE_AUTH"]),
            ("二维码地址,如:http://x;显示1280大小的URL:http://y", &[]),
            ("取值范围:[0.01,100000000.00]", &[]),
        ];
        for (doc, want) in cases {
            assert_eq!(enum_values(doc), *want, "{doc}");
        }
    }

    #[test]
    fn timeout_ranges_and_defaults() {
        assert_eq!(
            timeout_range("取值范围:1m~15d。m-分钟"),
            Some(("1m".into(), "15d".into()))
        );
        assert_eq!(
            timeout_range("取值范围：1m～7d"),
            Some(("1m".into(), "7d".into()))
        );
        assert_eq!(
            timeout_range("范围 1m-15d"),
            Some(("1m".into(), "15d".into()))
        );
        assert_eq!(timeout_range("金额 1.5"), None);
        assert_eq!(default_value("如果为空,默认1h"), Some("1h".into()));
        assert_eq!(default_value("默认为15m"), Some("15m".into()));
    }

    #[test]
    fn handling_guesses() {
        let row = |code: &str, solution: &str| ErrorRow {
            line: 1,
            code: code.into(),
            msg: "m".into(),
            solution: solution.into(),
        };
        let cases = [
            ("请使用相同的参数再次调用", "retry_same"),
            (
                "请立即调用查询订单API,查询当前订单的状态",
                "query_then_decide",
            ),
            (
                "更换商户的授权资金订单号后,重新发起请求",
                "new_out_order_no",
            ),
            ("商户对应合同可能已到期,请重新签约", "merchant_contract"),
            (
                "收款方支付宝账户受限,请登录支付宝认证升级,详情咨询95188",
                "user_action",
            ),
            ("修改打款金额", "fix_request"),
        ];
        for (solution, want) in cases {
            assert_eq!(error(row("X_Y", solution)).handling, want, "{solution}");
        }
    }

    #[test]
    fn examples_from_java_and_json() {
        let java = r#""\"out_order_no\":\"8077735255938023\"," +"#;
        assert_eq!(
            pairs(java, "\\\""),
            [("out_order_no".to_owned(), "8077735255938023".to_owned())]
        );
        assert_eq!(
            pairs(r#""\"amount\":100.00," +"#, "\\\""),
            [("amount".to_owned(), "100.00".to_owned())]
        );
        assert_eq!(
            pairs(r#"		"gmt_trans":"2014-09-15 11:23:04","#, "\""),
            [("gmt_trans".to_owned(), "2014-09-15 11:23:04".to_owned())]
        );
    }
}
