//! AES content encryption (`encrypt_type=AES`): AES-CBC with an all-zero
//! IV and PKCS#7 padding, key and ciphertext in base64. Encrypt then sign; verify then decrypt.

use std::fmt;

use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit, block_padding::Pkcs7};
use base64::Engine;
use zeroize::Zeroizing;

use crate::error::{Error, KeyError, KeyRole};
use crate::keys::B64;

const IV: [u8; 16] = [0; 16];

/// The "接口内容加密密钥" from the console: 16, 24 or 32 bytes, given as base64.
#[derive(Clone)]
pub struct EncryptKey(Zeroizing<Vec<u8>>);

impl EncryptKey {
    /// The key as the Alipay console shows it: base64 of 16, 24 or 32 bytes.
    pub fn from_base64(text: &str) -> Result<Self, KeyError> {
        let key = B64
            .decode(text.trim())
            .map_err(|e| KeyError::new(KeyRole::EncryptKey, format!("not valid base64 ({e})")))?;
        match key.len() {
            16 | 24 | 32 => Ok(EncryptKey(Zeroizing::new(key))),
            n => Err(KeyError::new(
                KeyRole::EncryptKey,
                format!("decodes to {n} bytes; an AES key is 16, 24 or 32 bytes"),
            )),
        }
    }

    /// Encrypts `plaintext` (UTF-8, as every SDK does) and returns base64.
    pub fn encrypt(&self, plaintext: &str) -> String {
        let data = plaintext.as_bytes();
        let ct = match self.0.len() {
            16 => cbc::Encryptor::<aes::Aes128>::new(self.0[..].into(), &IV.into())
                .encrypt_padded_vec_mut::<Pkcs7>(data),
            24 => cbc::Encryptor::<aes::Aes192>::new(self.0[..].into(), &IV.into())
                .encrypt_padded_vec_mut::<Pkcs7>(data),
            _ => cbc::Encryptor::<aes::Aes256>::new(self.0[..].into(), &IV.into())
                .encrypt_padded_vec_mut::<Pkcs7>(data),
        };
        B64.encode(ct)
    }

    /// Decrypts base64 ciphertext into the UTF-8 plaintext.
    pub fn decrypt(&self, ciphertext_b64: &str) -> Result<String, Error> {
        let fail = |why: &str| Error::Response(format!("cannot decrypt the response: {why}"));
        let ct = B64
            .decode(ciphertext_b64.trim())
            .map_err(|_| fail("not base64"))?;
        let pt = match self.0.len() {
            16 => cbc::Decryptor::<aes::Aes128>::new(self.0[..].into(), &IV.into())
                .decrypt_padded_vec_mut::<Pkcs7>(&ct),
            24 => cbc::Decryptor::<aes::Aes192>::new(self.0[..].into(), &IV.into())
                .decrypt_padded_vec_mut::<Pkcs7>(&ct),
            _ => cbc::Decryptor::<aes::Aes256>::new(self.0[..].into(), &IV.into())
                .decrypt_padded_vec_mut::<Pkcs7>(&ct),
        }
        .map_err(|_| fail("bad padding (wrong encryption key?)"))?;
        String::from_utf8(pt).map_err(|_| fail("plaintext is not UTF-8 (wrong encryption key?)"))
    }
}

impl fmt::Debug for EncryptKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EncryptKey(AES-{})", self.0.len() * 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_known_answer() {
        let key = EncryptKey::from_base64("aa4BtZ4tspm2wnXLb1ThQA==").unwrap();
        let ct = key.encrypt(r#"{"a":"中文"}"#);
        assert_eq!(key.decrypt(&ct).unwrap(), r#"{"a":"中文"}"#);
        // AES-128-CBC, zero IV, PKCS#7 of the empty string is one block of 0x10 padding,
        // cross-checked with `openssl enc -aes-128-cbc -K 69ae01b59e2db299b6c275cb6f54e140 -iv 0`.
        assert_eq!(key.encrypt(""), "crS01g4mS/AW/NUVPDUpMA==");
        assert_eq!(format!("{key:?}"), "EncryptKey(AES-128)");
    }

    #[test]
    fn bad_keys_and_ciphertexts_are_errors() {
        assert!(EncryptKey::from_base64("short").is_err());
        assert!(EncryptKey::from_base64("AAAA").is_err());
        let key = EncryptKey::from_base64("aa4BtZ4tspm2wnXLb1ThQA==").unwrap();
        assert!(key.decrypt("not base64!").is_err());
        assert!(key.decrypt("AAAA").is_err());
        let other = EncryptKey::from_base64("AAAAAAAAAAAAAAAAAAAAAA==").unwrap();
        assert!(
            other
                .decrypt(&key.encrypt("hello world, long enough"))
                .is_err()
        );
    }
}
