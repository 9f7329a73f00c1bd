//! `alipay spec import`: a draft spec from an Alipay doc page, from the official Python SDK's
//! classes, or from both (the SDK's structure with the page's rules). The reading itself is the
//! `alipay-import` library; this is the shell: files in, spec text out, exit codes.

use std::path::{Path, PathBuf};

use alipay_import::write::{self, SharedTypes};
use alipay_import::{Draft, page, python};

use crate::Failure;

/// Draft a spec: `alipay spec import PAGE.txt`, or
/// `alipay spec import --python-sdk DIR METHOD [--page PAGE.txt]`.
#[derive(clap::Args)]
pub struct Args {
    /// A doc page saved as text; with --python-sdk, the API's method instead.
    input: String,
    /// The unpacked official Python SDK (`alipay-sdk-python`): read the API's structure from
    /// its classes.
    #[arg(long, value_name = "DIR")]
    python_sdk: Option<PathBuf>,
    /// With --python-sdk: a doc page whose rules fill in the SDK's structure.
    #[arg(long, value_name = "PAGE", requires = "python_sdk")]
    page: Option<PathBuf>,
    /// Write `<method>.toml` into DIR and the shared types it names into DIR/_types.toml,
    /// instead of printing one self-contained spec to stdout.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<(), Failure> {
    let mut draft = match &a.python_sdk {
        None => read_page(Path::new(&a.input))?,
        Some(dir) => {
            let structure = python::import(dir, &a.input)
                .map_err(|e| Failure::Usage(format!("--python-sdk {}: {e}", dir.display())))?;
            match &a.page {
                None => structure,
                Some(p) => {
                    let page = read_page(p)?;
                    alipay_import::merge(structure, page).map_err(Failure::Usage)?
                }
            }
        }
    };
    match &a.out {
        None => {
            print!("{}", write::spec_text(&draft, SharedTypes::Inline));
            Ok(())
        }
        Some(dir) => write_into(dir, &mut draft),
    }
}

/// A page read, or exit 1 with `PAGE:LINE: what is wrong`.
fn read_page(path: &Path) -> Result<Draft, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))?;
    let label = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    page::import(&text, &label).map_err(|e| {
        eprintln!("{}:{}: {}", path.display(), e.line, e.message);
        Failure::Silent(1)
    })
}

/// `DIR/<method>.toml`, plus the types it names appended to `DIR/_types.toml`: a type already
/// there unchanged is reused, one whose name is taken by a different (or hand-edited) type is
/// renamed (`In`/`Out`) and said on stderr.
fn write_into(dir: &Path, draft: &mut Draft) -> Result<(), Failure> {
    let io = |p: &Path, e: std::io::Error| Failure::Usage(format!("{}: {e}", p.display()));
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let spec_path = dir.join(format!("{}.toml", draft.method));
    if spec_path.exists() {
        return Err(Failure::Usage(format!(
            "{} exists; remove it first (an import never overwrites a spec)",
            spec_path.display()
        )));
    }
    if !draft.types.is_empty() {
        let types_path = dir.join("_types.toml");
        let old = match std::fs::read_to_string(&types_path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io(&types_path, e)),
        };
        let names: Vec<String> = draft.types.iter().map(|t| t.name.clone()).collect();
        let new = alipay_import::fit_types_to_text(draft, &old);
        for (t, was) in draft.types.iter().zip(&names) {
            if t.name != *was {
                eprintln!(
                    "{was}: {} already holds another type of that name; this draft's is {} \
                     (point the spec to {was} if they are the same)",
                    types_path.display(),
                    t.name
                );
            }
        }
        if !new.is_empty() {
            let text = if old.is_empty() {
                write::types_text(&new)
            } else {
                format!("{old}{}", write::types_blocks(&new, &draft.types))
            };
            std::fs::write(&types_path, text).map_err(|e| io(&types_path, e))?;
            eprintln!("wrote {}", types_path.display());
        }
    }
    std::fs::write(&spec_path, write::spec_text(draft, SharedTypes::Named))
        .map_err(|e| io(&spec_path, e))?;
    eprintln!("wrote {}", spec_path.display());
    Ok(())
}
