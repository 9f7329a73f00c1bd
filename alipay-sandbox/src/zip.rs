//! A stored (uncompressed) zip archive, the container of Alipay's bill downloads. Written by
//! hand: the format needs a CRC-32 and three record layouts (PKWARE APPNOTE.TXT 4.3), far less
//! than a zip crate brings along.

/// CRC-32 (IEEE 802.3, reflected, polynomial `0xEDB88320`), as zip requires.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Why an archive could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZipError {
    /// More than 65 535 files, or a name or file over 4 GiB (zip64 is not written).
    #[error("too large for a zip without zip64")]
    TooLarge,
}

/// A zip of `files` (name, content), stored, no timestamps (1980-01-01). Names are written
/// as UTF-8 with general-purpose flag bit 11 set, so readers decode Chinese names right.
pub fn stored_zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let small16 = |n: usize| u16::try_from(n).map_err(|_| ZipError::TooLarge);
    let small32 = |n: usize| u32::try_from(n).map_err(|_| ZipError::TooLarge);
    let mut out = Vec::new();
    let mut central = Vec::new();
    // version 2.0, UTF-8 names, stored, time 00:00, date 1980-01-01.
    const VERSION: u16 = 20;
    const FLAGS: u16 = 1 << 11;
    const DATE: u16 = (1 << 5) | 1;
    for (name, data) in files {
        let offset = small32(out.len())?;
        let (crc, size, name_len) = (crc32(data), small32(data.len())?, small16(name.len())?);
        let mut common = Vec::with_capacity(26);
        for v in [VERSION, FLAGS, 0, 0, DATE] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes()); // extra field length

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&VERSION.to_le_bytes()); // made by
        central.extend_from_slice(&common);
        for v in [0u16, 0, 0] {
            // comment length, disk number, internal attributes
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = small16(files.len())?;
    let (central_offset, central_size) = (small32(out.len())?, small32(central.len())?);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// Reads back a stored zip written by [`stored_zip`] (or any stored zip without data
/// descriptors): the files by name, in order. For tests and for clients of the sandbox;
/// `None` when the bytes are not such an archive or a CRC does not match.
pub fn read_stored_zip(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let u16_at = |at: usize| -> Option<usize> {
        Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?).into())
    };
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    let mut files = Vec::new();
    let mut at = 0;
    while u32_at(at)? == 0x0403_4b50 {
        if u16_at(at + 8)? != 0 {
            return None; // compressed
        }
        let crc = u32_at(at + 14)?;
        let size = usize::try_from(u32_at(at + 18)?).ok()?;
        let (name_len, extra_len) = (u16_at(at + 26)?, u16_at(at + 28)?);
        let name_start = at + 30;
        let data_start = name_start + name_len + extra_len;
        let name =
            String::from_utf8(bytes.get(name_start..name_start + name_len)?.to_vec()).ok()?;
        let data = bytes.get(data_start..data_start + size)?.to_vec();
        if crc32(&data) != crc {
            return None;
        }
        files.push((name, data));
        at = data_start + size;
    }
    matches!(u32_at(at)?, 0x0201_4b50 | 0x0605_4b50).then_some(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn round_trips_and_has_the_records_unzip_reads() {
        let files = vec![
            ("a.csv".to_owned(), b"x,y\r\n1,2\r\n".to_vec()),
            ("业务明细.csv".to_owned(), vec![0xd6, 0xa7, 0xb8, 0xb6]),
        ];
        let zip = stored_zip(&files).unwrap();
        assert_eq!(&zip[..4], b"PK\x03\x04");
        // End of central directory: 22 bytes, 2 entries.
        let eocd = &zip[zip.len() - 22..];
        assert_eq!(&eocd[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([eocd[10], eocd[11]]), 2);
        assert_eq!(read_stored_zip(&zip), Some(files));
    }

    #[test]
    fn a_damaged_archive_is_refused() {
        let mut zip = stored_zip(&[("a".to_owned(), b"hello".to_vec())]).unwrap();
        zip[30 + 1 + 2] ^= 1; // inside the data, after the 1-byte name
        assert_eq!(read_stored_zip(&zip), None);
        assert_eq!(read_stored_zip(b"not a zip"), None);
    }
}
