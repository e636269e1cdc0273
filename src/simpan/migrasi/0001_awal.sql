-- Sinergi's memory: accounts, village profiles, drafts, issued documents with their numbers, and
-- the register of village legal products. Written once for SQLite and PostgreSQL alike: text,
-- 64-bit integers (times are Unix seconds, flags 0/1) and no binary columns (files are base64).

CREATE TABLE pengguna (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL UNIQUE,
    peran TEXT NOT NULL,
    kode_wilayah TEXT NOT NULL,
    hash_sandi TEXT NOT NULL,
    aktif BIGINT NOT NULL,
    dibuat BIGINT NOT NULL
);

CREATE TABLE sesi (
    hash_token TEXT PRIMARY KEY,
    pengguna_id TEXT NOT NULL REFERENCES pengguna (id),
    csrf TEXT NOT NULL,
    dibuat BIGINT NOT NULL,
    kedaluwarsa BIGINT NOT NULL
);

CREATE TABLE token_api (
    hash_token TEXT PRIMARY KEY,
    pengguna_id TEXT NOT NULL REFERENCES pengguna (id),
    nama TEXT NOT NULL,
    awalan TEXT NOT NULL,
    dibuat BIGINT NOT NULL,
    dicabut BIGINT
);

CREATE TABLE percobaan_masuk (
    kunci TEXT NOT NULL,
    waktu BIGINT NOT NULL
);
CREATE INDEX percobaan_masuk_kunci ON percobaan_masuk (kunci, waktu);

CREATE TABLE profil_desa (
    kode TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    lambang TEXT,
    diubah BIGINT NOT NULL,
    diubah_oleh TEXT NOT NULL
);

CREATE TABLE draf (
    id TEXT PRIMARY KEY,
    kode_desa TEXT NOT NULL,
    jenis TEXT NOT NULL,
    judul TEXT NOT NULL,
    versi_terakhir BIGINT NOT NULL,
    dibuat BIGINT NOT NULL,
    diubah BIGINT NOT NULL,
    diubah_oleh TEXT NOT NULL
);
CREATE INDEX draf_desa ON draf (kode_desa, diubah);

CREATE TABLE versi_draf (
    draf_id TEXT NOT NULL REFERENCES draf (id),
    versi BIGINT NOT NULL,
    data TEXT NOT NULL,
    opsi TEXT NOT NULL,
    dibuat BIGINT NOT NULL,
    dibuat_oleh TEXT NOT NULL,
    PRIMARY KEY (draf_id, versi)
);

CREATE TABLE penomoran (
    kunci TEXT PRIMARY KEY,
    terakhir BIGINT NOT NULL
);

CREATE TABLE dokumen_terbit (
    kode TEXT PRIMARY KEY,
    jenis TEXT NOT NULL,
    judul TEXT NOT NULL,
    kode_desa TEXT NOT NULL,
    draf_id TEXT,
    versi BIGINT,
    data TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    pdf TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    diterbitkan BIGINT NOT NULL,
    diterbitkan_oleh TEXT NOT NULL,
    menggantikan TEXT REFERENCES dokumen_terbit (kode),
    dicabut BIGINT,
    dicabut_oleh TEXT,
    alasan_cabut TEXT
);
CREATE INDEX dokumen_terbit_desa ON dokumen_terbit (kode_desa, diterbitkan);

CREATE TABLE nomor_dokumen (
    kode_dokumen TEXT NOT NULL REFERENCES dokumen_terbit (kode),
    kode_desa TEXT NOT NULL,
    register TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    urut BIGINT NOT NULL,
    nomor TEXT NOT NULL,
    PRIMARY KEY (kode_dokumen, kode_desa),
    UNIQUE (kode_desa, register, tahun, urut)
);

CREATE TABLE produk_hukum (
    id TEXT PRIMARY KEY,
    kode_desa TEXT NOT NULL,
    jenis TEXT NOT NULL,
    nomor TEXT NOT NULL,
    urut BIGINT,
    tahun BIGINT NOT NULL,
    judul TEXT NOT NULL,
    tanggal_penetapan TEXT,
    tanggal_pengundangan TEXT,
    nomor_lembaran TEXT,
    status TEXT NOT NULL,
    diubah_dengan TEXT,
    dicabut_dengan TEXT,
    kode_dokumen TEXT REFERENCES dokumen_terbit (kode),
    pdf TEXT,
    publik BIGINT NOT NULL,
    dicatat BIGINT NOT NULL,
    dicatat_oleh TEXT NOT NULL
);
CREATE INDEX produk_hukum_desa ON produk_hukum (kode_desa, tahun);

CREATE TABLE pengaturan (
    kunci TEXT PRIMARY KEY,
    nilai TEXT NOT NULL
);
