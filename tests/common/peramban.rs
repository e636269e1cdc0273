//! The browser under test (feature `peramban`): a server, a chromedriver and a headless
//! Chromium session, with the few actions the tests use.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use super::{Server, konten_bawaan};

/// A server, a chromedriver and a headless Chromium session; all stop on drop.
pub struct Peramban {
    pub server: Server,
    driver: Child,
    /// chromedriver's port and the session's id: the session is ended on drop, so Chromium
    /// quits with it instead of outliving the killed driver.
    port: u16,
    sesi: Option<String>,
    pub c: Client,
    pub unduhan: tempfile::TempDir,
}

impl Drop for Peramban {
    fn drop(&mut self) {
        if let Some(id) = &self.sesi {
            use std::io::{Read, Write};
            if let Ok(mut t) = std::net::TcpStream::connect(("127.0.0.1", self.port)) {
                let _ = t.set_read_timeout(Some(Duration::from_secs(10)));
                let _ = write!(
                    t,
                    "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                );
                let _ = t.read_to_end(&mut Vec::new());
            }
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn port_bebas() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Peramban {
    pub async fn mulai() -> Peramban {
        let server = Server::mulai(&konten_bawaan(), &[]);
        let port = port_bebas();
        let driver = Command::new(std::env::var("CHROMEDRIVER").unwrap_or("chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian: apt-get install chromium-driver)");
        let awal = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                awal.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let unduhan = tempfile::tempdir().expect("tempdir");
        let mut cap = serde_json::Map::new();
        cap.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": std::env::var("CHROMIUM").unwrap_or("/usr/bin/chromium".into()),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=id"],
                "prefs": {
                    "download.default_directory": unduhan.path(),
                    "download.prompt_for_download": false,
                },
            }),
        );
        let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(cap)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        let sesi = c.session_id().await.ok().flatten();
        Peramban {
            server,
            driver,
            port,
            sesi,
            c,
            unduhan,
        }
    }

    pub async fn buka(&self, jalur: &str) {
        self.c.goto(&self.server.url(jalur)).await.expect("goto");
    }

    pub async fn js(&self, skrip: &str) -> serde_json::Value {
        self.c.execute(skrip, vec![]).await.expect("script")
    }

    pub async fn klik(&self, css: &str) {
        self.c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("no {css}"))
            .click()
            .await
            .expect("click");
    }

    /// Clicks what submits a form or follows a link, and waits for the new page: a click
    /// returns before the server has answered, and reading the old page then races the new one.
    pub async fn kirim(&self, css: &str) {
        self.js("window.__sinergiHalamanLama = true; return true;")
            .await;
        self.klik(css).await;
        let mulai = Instant::now();
        loop {
            let baru = self
                .c
                .execute(
                    "return window.__sinergiHalamanLama !== true \
                     && document.readyState === 'complete';",
                    vec![],
                )
                .await;
            if matches!(baru, Ok(serde_json::Value::Bool(true))) {
                return;
            }
            assert!(
                mulai.elapsed() < Duration::from_secs(60),
                "{css}: no new page after 60 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn ada(&self, css: &str) -> bool {
        !self
            .c
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .is_empty()
    }

    pub async fn jalur(&self) -> String {
        let u = self.c.current_url().await.expect("url");
        let mut s = u.path().to_string();
        if let Some(q) = u.query() {
            s = format!("{s}?{q}");
        }
        if let Some(f) = u.fragment() {
            s = format!("{s}#{f}");
        }
        s
    }
}

pub fn folder_tangkapan() -> PathBuf {
    let d = PathBuf::from(std::env::var("SINERGI_TANGKAPAN").unwrap_or("/tmp/shots".into()));
    std::fs::create_dir_all(&d).expect("screenshot folder");
    d
}

/// A noisy JPEG: compresses as badly as a phone photo.
pub fn foto(w: u32, h: u32, ke: &Path) {
    let mut x: u32 = 7;
    let citra = image::RgbImage::from_fn(w, h, |_, _| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let b = x.to_le_bytes();
        image::Rgb([b[1], b[2], b[3]])
    });
    let mut b = Vec::new();
    image::DynamicImage::ImageRgb8(citra)
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut b, 95,
        ))
        .expect("jpeg");
    std::fs::write(ke, b).expect("write photo");
}
