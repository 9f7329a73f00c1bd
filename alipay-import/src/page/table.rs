//! The tables of a doc page: parameter rows (with their nesting), error rows, notify types.
//!
//! # Parameter rows
//!
//! A row starts with a line `name Type 是否必填 [最大长度] description... [example]`: the name
//! (letters, digits, `_`), a type (`String`, `Price`, `Number`, `Boolean`, `Date`, a class name
//! such as `GoodsDetail`, or either with `[]` for an array), the required word (`必选`, `必须`,
//! `必填`, `可选`, `选填`, `特殊可选`, `条件必填`) and, when given, the maximum length (digits or
//! `-`). Every following line up to the next row belongs to the description; when the
//! description spans several lines the last line is the example value.
//!
//! Nested parameters (the members of an object or array-of-objects field) are accepted in four
//! forms, as the doc site renders them in copied text:
//!
//! 1. tree marks before the name, one per level: `└ goods_id String 必填 32 ...`,
//!    `└ └ sub_field ...` (also `├`, `│`, `┗`, `┣`);
//! 2. indentation: one tab, or two spaces, per level (`\tgoods_id String 必填 ...`);
//! 3. dotted names: `goods_detail.goods_id String 必填 ...`;
//! 4. a table of its own after the main one, under a line naming the class (`GoodsDetail`),
//!    whose rows become the members of every field of that type.
//!
//! A field of a class type with no members in any of these forms is an error: the page as
//! copied lost the members (expand them on the site before copying, or import the structure
//! from the Python SDK and lay the page over it).

use super::{Line, PageError, err};

/// One parameter row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// 1-based line of the row's first line.
    pub line: usize,
    pub name: String,
    /// The type as written: `String`, `Price`, `GoodsDetail[]`, ...
    pub ty: String,
    /// The required word as written: `必须`, `可选`, `特殊可选`, ...
    pub required: String,
    pub max_len: Option<u64>,
    /// The rest of the first line after the length, then each continuation line.
    pub text: Vec<String>,
    /// Members, for object and array-of-object types.
    pub children: Vec<Row>,
}

impl Row {
    /// The class named by the type (`GoodsDetail` for `GoodsDetail[]`), if it is not a scalar.
    pub fn class(&self) -> Option<&str> {
        let base = self.ty.trim_end_matches("[]");
        (!is_scalar_type(base)).then_some(base)
    }
    pub fn is_array(&self) -> bool {
        self.ty.ends_with("[]")
    }
}

const REQUIRED_WORDS: &[&str] = &[
    "必须",
    "必选",
    "必填",
    "可选",
    "选填",
    "特殊可选",
    "条件必填",
    "条件必选",
];

const SCALAR_TYPES: &[&str] = &[
    "string", "price", "number", "boolean", "date", "long", "integer", "int", "double", "float",
    "object", "json",
];

pub(crate) fn is_scalar_type(t: &str) -> bool {
    SCALAR_TYPES.iter().any(|s| s.eq_ignore_ascii_case(t))
}

fn is_type_token(t: &str) -> bool {
    let base = t.strip_suffix("[]").unwrap_or(t);
    is_scalar_type(base)
        || (base.starts_with(|c: char| c.is_ascii_uppercase())
            && base.chars().all(|c| c.is_ascii_alphanumeric()))
}

pub(crate) fn is_param_name(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `参数 类型 是否必填 最大长度 描述 示例值` (and close variants).
pub(crate) fn is_param_header(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    words
        .first()
        .is_some_and(|w| *w == "参数" || *w == "参数名")
        && words.iter().any(|w| w.contains("类型"))
}

const TREE_MARKS: &[char] = &['└', '├', '│', '┗', '┣', '┃'];

/// A line split into (depth, tokens) when it starts a parameter row.
struct Start<'a> {
    /// Tree marks before the name (each one level).
    marks: usize,
    /// Columns of leading whitespace (a tab or a full-width space counts two).
    indent: usize,
    path: Vec<&'a str>,
    ty: &'a str,
    required: Option<&'a str>,
    max_len: Option<Option<u64>>,
    rest: String,
}

fn start(text: &str) -> Option<Start<'_>> {
    let mut s = text;
    let mut marks = 0;
    loop {
        let t = s.trim_start_matches([' ', '\u{3000}']);
        if let Some(c) = t.chars().next().filter(|c| TREE_MARKS.contains(c)) {
            marks += 1;
            s = &t[c.len_utf8()..];
        } else if let Some(r) = t.strip_prefix("|-") {
            marks += 1;
            s = r;
        } else {
            break;
        }
    }
    let indent: usize = text
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| match c {
            '\t' | '\u{3000}' => 2,
            _ => 1,
        })
        .sum();
    let mut words = s.split_whitespace();
    let name = words.next()?;
    let path: Vec<&str> = name.split('.').collect();
    if !path.iter().all(|p| is_param_name(p)) {
        return None;
    }
    let ty = words.next()?;
    if !is_type_token(ty) {
        return None;
    }
    let mut rest_words: Vec<&str> = words.collect();
    let required = rest_words
        .first()
        .copied()
        .filter(|w| REQUIRED_WORDS.contains(w));
    if required.is_some() {
        rest_words.remove(0);
    }
    let max_len = match rest_words.first() {
        Some(&"-") => {
            rest_words.remove(0);
            Some(None)
        }
        Some(w) if w.chars().all(|c| c.is_ascii_digit()) && rest_words.len() > 1 => {
            let n = w.parse().ok();
            rest_words.remove(0);
            Some(n)
        }
        Some(w) if w.chars().all(|c| c.is_ascii_digit()) && required.is_some() => {
            // `x String 必填 64` with no description: the number is the length.
            let n = w.parse().ok();
            rest_words.remove(0);
            Some(n)
        }
        _ => None,
    };
    Some(Start {
        marks,
        indent,
        path,
        ty,
        required,
        max_len,
        rest: rest_words.join(" "),
    })
}

/// A class's own table: its name, the line of its header, its rows with their depths.
type ClassTable = (String, usize, Vec<(usize, Row)>);

/// The rows of every parameter table in `lines` (a part of the page), nested.
pub(crate) fn params(lines: &[Line], part: &str) -> Result<Vec<Row>, PageError> {
    // Tables: the main one, then class tables (a heading line naming the class).
    let mut main: Vec<(usize, Row)> = Vec::new();
    let mut classes: Vec<ClassTable> = Vec::new();
    let mut in_table = false;
    let mut last_plain: Option<(usize, &str)> = None;
    // Indentation counts from the first row of each table.
    let mut base_indent: Option<usize> = None;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if is_param_header(t) {
            if in_table {
                let Some((at, name)) = last_plain else {
                    return Err(err(
                        l.no,
                        format!("a second table in {part} with no line naming its class above it"),
                    ));
                };
                // The heading line was taken as a description line of the last row: undo.
                let rows = match classes.last_mut() {
                    Some((_, _, rows)) => rows,
                    None => &mut main,
                };
                if let Some((_, row)) = rows.last_mut()
                    && row.text.last().is_some_and(|x| x == name)
                {
                    row.text.pop();
                }
                let class = name
                    .split(['(', '（', ' '])
                    .rev()
                    .map(|w| w.trim_matches([')', '）', ' ']))
                    .find(|w| is_type_token(w) && !is_scalar_type(w))
                    .ok_or_else(|| {
                        err(
                            at,
                            format!("`{name}` above a parameter table does not name a class"),
                        )
                    })?;
                classes.push((class.trim_end_matches("[]").to_owned(), l.no, Vec::new()));
            }
            in_table = true;
            base_indent = None;
            continue;
        }
        if !in_table {
            continue;
        }
        let rows: &mut Vec<(usize, Row)> = match classes.last_mut() {
            Some((_, _, rows)) => rows,
            None => &mut main,
        };
        if let Some(s) = start(l.text) {
            let Some(required) = s.required else {
                return Err(err(
                    l.no,
                    format!(
                        "parameter `{}` ({}): no 是否必填 value after the type; expected one of {}",
                        s.path.join("."),
                        s.ty,
                        REQUIRED_WORDS.join(", ")
                    ),
                ));
            };
            let base = *base_indent.get_or_insert(s.indent);
            let depth = if s.path.len() > 1 {
                s.path.len() - 1
            } else if s.marks > 0 {
                s.marks
            } else {
                s.indent.saturating_sub(base) / 2
            };
            let row = Row {
                line: l.no,
                name: s.path.last().copied().unwrap_or_default().to_owned(),
                ty: s.ty.to_owned(),
                required: required.to_owned(),
                max_len: s.max_len.flatten(),
                text: if s.rest.is_empty() {
                    Vec::new()
                } else {
                    vec![s.rest]
                },
                children: Vec::new(),
            };
            if s.path.len() > 1 {
                check_dotted_parent(rows, &s.path, l.no)?;
            }
            rows.push((depth, row));
            last_plain = None;
        } else {
            match rows.last_mut() {
                Some((_, row)) => row.text.push(t.to_owned()),
                None => {
                    return Err(err(
                        l.no,
                        format!(
                            "{part}: expected a parameter row `name Type 是否必填 最大长度 描述 示例值`, found `{}`",
                            clip(t)
                        ),
                    ));
                }
            }
            last_plain = Some((l.no, t));
        }
    }
    let mut tree = nest(main)?;
    let classes: Vec<(String, usize, Vec<Row>)> = classes
        .into_iter()
        .map(|(name, line, rows)| nest(rows).map(|r| (name, line, r)))
        .collect::<Result<_, _>>()?;
    attach_classes(&mut tree, &classes, 0)?;
    dedupe(&mut tree, part)?;
    Ok(tree)
}

/// Siblings with the same name: an identical repeat is dropped (pages repeat rows), a
/// different one is an error at its line.
fn dedupe(rows: &mut Vec<Row>, part: &str) -> Result<(), PageError> {
    let mut kept: Vec<Row> = Vec::new();
    for mut row in std::mem::take(rows) {
        dedupe(&mut row.children, part)?;
        match kept.iter().find(|k| k.name == row.name) {
            Some(k)
                if k.ty == row.ty
                    && k.required == row.required
                    && k.max_len == row.max_len
                    && k.text == row.text
                    && k.children == row.children => {}
            Some(k) => {
                return Err(err(
                    row.line,
                    format!(
                        "{part}: parameter `{}` again (first at line {}), described differently",
                        row.name, k.line
                    ),
                ));
            }
            None => kept.push(row),
        }
    }
    *rows = kept;
    Ok(())
}

fn check_dotted_parent(rows: &[(usize, Row)], path: &[&str], line: usize) -> Result<(), PageError> {
    // The parent is the nearest earlier row at depth len-2 with the parent's name.
    let want_depth = path.len() - 2;
    let parent = path[path.len() - 2];
    let found = rows
        .iter()
        .rev()
        .find(|(d, _)| *d == want_depth)
        .is_some_and(|(_, r)| r.name == parent);
    if found {
        Ok(())
    } else {
        Err(err(
            line,
            format!(
                "`{}`: no row `{parent}` just above it to nest under",
                path.join(".")
            ),
        ))
    }
}

/// Rows with depths into a tree.
fn nest(rows: Vec<(usize, Row)>) -> Result<Vec<Row>, PageError> {
    let mut out: Vec<Row> = Vec::new();
    let mut stack: Vec<(usize, Row)> = Vec::new();
    for (depth, row) in rows {
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            pop(&mut stack, &mut out);
        }
        match stack.last() {
            None if depth > 0 => {
                return Err(err(
                    row.line,
                    format!("`{}` is nested, but no row above it holds it", row.name),
                ));
            }
            Some((d, parent)) if *d + 1 != depth => {
                return Err(err(
                    row.line,
                    format!(
                        "`{}` is nested {} levels below `{}`; members go one level below their parent",
                        row.name,
                        depth - d,
                        parent.name
                    ),
                ));
            }
            Some((_, parent)) if parent.class().is_none() => {
                return Err(err(
                    row.line,
                    format!(
                        "`{}` is nested under `{}`, whose type {} has no members",
                        row.name, parent.name, parent.ty
                    ),
                ));
            }
            _ => {}
        }
        stack.push((depth, row));
    }
    while !stack.is_empty() {
        pop(&mut stack, &mut out);
    }
    Ok(out)
}

fn pop(stack: &mut Vec<(usize, Row)>, out: &mut Vec<Row>) {
    if let Some((_, row)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.children.push(row),
            None => out.push(row),
        }
    }
}

/// Gives every class-typed row without members the rows of its class table.
fn attach_classes(
    rows: &mut [Row],
    classes: &[(String, usize, Vec<Row>)],
    depth: usize,
) -> Result<(), PageError> {
    for row in rows {
        let Some(class) = row.class().map(str::to_owned) else {
            continue;
        };
        if row.children.is_empty() {
            match classes.iter().find(|(n, _, _)| *n == class) {
                Some((_, _, members)) if depth < 16 => row.children = members.clone(),
                Some((_, line, _)) => {
                    return Err(err(*line, format!("class {class} contains itself")));
                }
                None if class.eq_ignore_ascii_case("object") => {}
                None => {
                    return Err(err(
                        row.line,
                        format!(
                            "`{}` has type {} but the page shows none of its members \
                             (expand them on the doc site before copying, or give the structure \
                             with --python-sdk)",
                            row.name, row.ty
                        ),
                    ));
                }
            }
        }
        attach_classes(&mut row.children, classes, depth + 1)?;
    }
    Ok(())
}

/// One row of the 业务错误码 table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorRow {
    pub line: usize,
    pub code: String,
    pub msg: String,
    pub solution: String,
}

fn is_error_code(t: &str) -> bool {
    t.len() >= 3
        && t.starts_with(|c: char| c.is_ascii_alphabetic())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && t.chars()
            .any(|c| matches!(c, '_' | '.' | '-') || c.is_ascii_uppercase())
}

pub(crate) fn errors(lines: &[Line]) -> Result<Vec<ErrorRow>, PageError> {
    let mut rows: Vec<ErrorRow> = Vec::new();
    let mut in_table = false;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("错误码") && t.contains("描述") {
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        let code = t.split_whitespace().next().unwrap_or_default();
        let rest = t[code.len()..].trim();
        if is_error_code(code) && !rest.is_empty() {
            let (msg, solution) = match rest.split_once('\t') {
                Some((m, s)) => (m.trim(), s.trim()),
                None => match rest.split_once(char::is_whitespace) {
                    Some((m, s)) => (m.trim(), s.trim()),
                    None => (rest, ""),
                },
            };
            rows.push(ErrorRow {
                line: l.no,
                code: code.to_owned(),
                msg: msg.to_owned(),
                solution: solution.to_owned(),
            });
        } else if let Some(last) = rows.last_mut() {
            if !last.solution.is_empty() {
                last.solution.push('\n');
            }
            last.solution.push_str(t);
        } else {
            return Err(err(
                l.no,
                format!(
                    "业务错误码: expected a row `错误码 错误描述 解决方案`, found `{}`",
                    clip(t)
                ),
            ));
        }
    }
    Ok(rows)
}

pub(crate) fn notify_types(lines: &[Line]) -> Result<Vec<crate::model::NotifyType>, PageError> {
    let mut out = Vec::new();
    let mut in_table = false;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("通知类型") {
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let [name, middle @ .., flag] = words.as_slice() else {
            return Err(err(
                l.no,
                format!(
                    "触发通知类型: expected `通知类型 描述 默认开启`, found `{}`",
                    clip(t)
                ),
            ));
        };
        let default_on = match *flag {
            "1" | "是" => true,
            "0" | "否" => false,
            other => {
                return Err(err(
                    l.no,
                    format!("触发通知类型 `{name}`: 默认开启 is `{other}`, expected 1 or 0"),
                ));
            }
        };
        let t = crate::model::NotifyType {
            name: (*name).to_owned(),
            doc: middle.join(" "),
            default_on,
        };
        match out
            .iter()
            .find(|o: &&crate::model::NotifyType| o.name == t.name)
        {
            Some(o) if *o == t => {}
            Some(_) => {
                return Err(err(
                    l.no,
                    format!("触发通知类型 `{name}` again, described differently"),
                ));
            }
            None => out.push(t),
        }
    }
    Ok(out)
}

fn clip(t: &str) -> String {
    let mut s: String = t.chars().take(60).collect();
    if s.len() < t.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line { no: i + 1, text: t })
            .collect()
    }

    const HEADER: &str = "参数 类型 是否必填 最大长度 描述 示例值";

    #[test]
    fn a_description_over_several_lines_stays_with_its_row() {
        let page = format!(
            "{HEADER}\nout_order_no String 必须 64 商户的授权资金订单号\n同一商户不能重复\n8077735255938023\namount Price 必须 11 金额 100.00"
        );
        let rows = params(&lines(&page), "请求参数").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].text,
            [
                "商户的授权资金订单号",
                "同一商户不能重复",
                "8077735255938023"
            ]
        );
        assert_eq!(rows[0].max_len, Some(64));
        assert_eq!(rows[1].ty, "Price");
    }

    #[test]
    fn the_four_nesting_forms_give_the_same_tree() {
        let forms = [
            format!(
                "{HEADER}\ngoods_detail GoodsDetail[] 可选 - 商品\n└ goods_id String 必填 32 编号 a1\n└ price Price 必填 9 价格 2.00\nbody String 可选 128 描述 x"
            ),
            format!(
                "{HEADER}\ngoods_detail GoodsDetail[] 可选 - 商品\n\tgoods_id String 必填 32 编号 a1\n\tprice Price 必填 9 价格 2.00\nbody String 可选 128 描述 x"
            ),
            format!(
                "{HEADER}\ngoods_detail GoodsDetail[] 可选 - 商品\ngoods_detail.goods_id String 必填 32 编号 a1\ngoods_detail.price Price 必填 9 价格 2.00\nbody String 可选 128 描述 x"
            ),
            format!(
                "{HEADER}\ngoods_detail GoodsDetail[] 可选 - 商品\nbody String 可选 128 描述 x\nGoodsDetail\n{HEADER}\ngoods_id String 必填 32 编号 a1\nprice Price 必填 9 价格 2.00"
            ),
        ];
        for form in &forms {
            let rows = params(&lines(form), "请求参数").unwrap();
            let names: Vec<(&str, Vec<&str>)> = rows
                .iter()
                .map(|r| {
                    (
                        r.name.as_str(),
                        r.children.iter().map(|c| c.name.as_str()).collect(),
                    )
                })
                .collect();
            assert_eq!(
                names,
                [
                    ("goods_detail", vec!["goods_id", "price"]),
                    ("body", vec![])
                ],
                "{form}"
            );
        }
    }

    #[test]
    fn deeper_levels_nest_under_the_nearest_holder() {
        let page = format!(
            "{HEADER}\nsettle_info SettleInfo 可选 - 结算\n└ settle_detail_infos SettleDetailInfo[] 必填 10 明细\n└ └ amount Price 必填 9 金额 1.00\n└ settle_period_time String 可选 10 周期 7d"
        );
        let rows = params(&lines(&page), "请求参数").unwrap();
        assert_eq!(rows[0].children.len(), 2);
        assert_eq!(rows[0].children[0].children[0].name, "amount");
    }

    #[test]
    fn unreadable_tables_name_the_line() {
        let cases = [
            (
                format!("{HEADER}\nx String 64 no required word"),
                2,
                "no 是否必填",
            ),
            (
                format!("{HEADER}\n└ x String 必填 64 orphan"),
                2,
                "no row above",
            ),
            (
                format!("{HEADER}\na String 必填 8 s\n└ b String 必填 8 s"),
                3,
                "has no members",
            ),
            (
                format!("{HEADER}\nd GoodsDetail 必填 - 商品"),
                2,
                "none of its members",
            ),
            (format!("{HEADER}\na.b String 必填 8 s"), 2, "no row `a`"),
            (
                format!("{HEADER}\n这一行不是参数"),
                2,
                "expected a parameter row",
            ),
        ];
        for (page, line, what) in &cases {
            let e = params(&lines(page), "请求参数").unwrap_err();
            assert_eq!(e.line, *line, "{page}");
            assert!(e.message.contains(what), "{e} / {page}");
        }
    }

    #[test]
    fn error_rows_and_their_continuations() {
        let page = "错误码 错误描述 解决方案\nSYSTEM_ERROR 系统繁忙 请使用相同的参数再次调用\nACQ.TRADE_NOT_EXIST 交易不存在 检查\n并重试";
        let rows = errors(&lines(page)).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].msg, "系统繁忙");
        assert_eq!(rows[1].solution, "检查\n并重试");
    }
}
