//! The typst `World` of a document: fonts embedded in the binary, the layouts of
//! `templates/dokumen/`, and the form data as `/data.json`. Nothing else can be read: a template
//! asking for any other file is answered "access denied".

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

macro_rules! huruf {
    ($($f:literal),* $(,)?) => {
        [$(include_bytes!(concat!("../../templates/dokumen/huruf/", $f)).as_slice()),*]
    };
}

const HURUF: [&[u8]; 12] = huruf![
    "texgyrebonum-regular.otf",
    "texgyrebonum-bold.otf",
    "texgyrebonum-italic.otf",
    "texgyrebonum-bolditalic.otf",
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
];

fn id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("fixed paths are valid"),
    )
    .intern()
}

/// File ids are interned globally and never freed: only these fixed ones are ever made.
pub static ID_DATA: LazyLock<FileId> = LazyLock::new(|| id("/data.json"));
pub static ID_GAMBAR: LazyLock<FileId> = LazyLock::new(|| id("/lambang.img"));

/// What every compile shares: library, fonts and the parsed layouts. Built once.
pub struct Bersama {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sumber: HashMap<FileId, Source>,
    /// Layout name → its file id.
    pub tata_letak: HashMap<String, FileId>,
    /// The folder the layouts were read from, for messages.
    pub dir: std::path::PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum GagalMuat {
    #[error("folder templat dokumen {0} tidak dapat dibaca: {io}", io = crate::berkas::pesan_io(.1))]
    Folder(String, std::io::Error),
}

impl Bersama {
    /// Loads every `*.typ` of `dir` (the layouts and their shared parts).
    pub fn muat(dir: &Path) -> Result<Bersama, GagalMuat> {
        let fonts: Vec<Font> = HURUF
            .iter()
            .flat_map(|b| Font::iter(Bytes::new(*b)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        let mut sumber = HashMap::new();
        let mut tata_letak = HashMap::new();
        let baca =
            std::fs::read_dir(dir).map_err(|e| GagalMuat::Folder(dir.display().to_string(), e))?;
        let mut berkas: Vec<_> = baca.flatten().map(|e| e.path()).collect();
        berkas.sort();
        for p in berkas {
            if p.extension().is_none_or(|x| x != "typ") {
                continue;
            }
            let nama = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let teks = std::fs::read_to_string(&p)
                .map_err(|e| GagalMuat::Folder(p.display().to_string(), e))?;
            let fid = id(&format!("/{nama}.typ"));
            sumber.insert(fid, Source::new(fid, teks));
            if !nama.starts_with('_') {
                tata_letak.insert(nama, fid);
            }
        }
        Ok(Bersama {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            sumber,
            tata_letak,
            dir: dir.to_path_buf(),
        })
    }

    /// Line (1-based) and file name of a diagnostic's place, for messages.
    pub fn letak(&self, fid: FileId, rentang: std::ops::Range<usize>) -> Option<(String, usize)> {
        let s = self.sumber.get(&fid)?;
        let baris = s.lines().byte_to_line(rentang.start)? + 1;
        let nama = format!(
            "{}{}",
            self.dir.display(),
            fid.get().vpath().get_with_slash()
        );
        Some((nama, baris))
    }
}

/// One compile: the shared parts, which layout is main, and this document's data.
pub struct Dunia<'a> {
    pub bersama: &'a Bersama,
    pub main: FileId,
    pub data: Bytes,
    pub gambar: Option<Bytes>,
    pub hari_ini: Option<Datetime>,
}

impl World for Dunia<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.bersama.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.bersama.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.bersama
            .sumber
            .get(&id)
            .cloned()
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *ID_DATA {
            return Ok(self.data.clone());
        }
        if id == *ID_GAMBAR
            && let Some(g) = &self.gambar
        {
            return Ok(g.clone());
        }
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.bersama.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.hari_ini
    }
}
