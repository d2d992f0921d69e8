// Buffer-size macros of psa/crypto_sizes.h: exact values where the
// specification or the key format fixes them, sufficiency where the value is
// implementation-defined (checked against sizes computed here independently,
// for example worst-case DER encodings and simulated block buffering), and
// every *_MAX_SIZE against every supported key type, size and algorithm.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "psa/crypto.h"

namespace {

struct Curve {
    psa_ecc_family_t family;
    size_t bits;
};

// Every curve of the specification, with its key size in bits.
const std::vector<Curve>& AllCurves() {
    static const std::vector<Curve> curves = {
        {PSA_ECC_FAMILY_SECP_K1, 192},
        {PSA_ECC_FAMILY_SECP_K1, 225},
        {PSA_ECC_FAMILY_SECP_K1, 256},
        {PSA_ECC_FAMILY_SECP_R1, 192},
        {PSA_ECC_FAMILY_SECP_R1, 224},
        {PSA_ECC_FAMILY_SECP_R1, 256},
        {PSA_ECC_FAMILY_SECP_R1, 384},
        {PSA_ECC_FAMILY_SECP_R1, 521},
        {PSA_ECC_FAMILY_SECP_R2, 160},
        {PSA_ECC_FAMILY_SECT_K1, 163},
        {PSA_ECC_FAMILY_SECT_K1, 233},
        {PSA_ECC_FAMILY_SECT_K1, 239},
        {PSA_ECC_FAMILY_SECT_K1, 283},
        {PSA_ECC_FAMILY_SECT_K1, 409},
        {PSA_ECC_FAMILY_SECT_K1, 571},
        {PSA_ECC_FAMILY_SECT_R1, 163},
        {PSA_ECC_FAMILY_SECT_R1, 233},
        {PSA_ECC_FAMILY_SECT_R1, 283},
        {PSA_ECC_FAMILY_SECT_R1, 409},
        {PSA_ECC_FAMILY_SECT_R1, 571},
        {PSA_ECC_FAMILY_SECT_R2, 163},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 160},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 192},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 224},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 320},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384},
        {PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512},
        {PSA_ECC_FAMILY_FRP, 256},
        {PSA_ECC_FAMILY_MONTGOMERY, 255},
        {PSA_ECC_FAMILY_MONTGOMERY, 448},
        {PSA_ECC_FAMILY_TWISTED_EDWARDS, 255},
        {PSA_ECC_FAMILY_TWISTED_EDWARDS, 448},
    };
    return curves;
}

const std::vector<size_t> kRsaBits = {1024, 1536, 2047, 2048, 3072, 4096};
const std::vector<size_t> kDhBits = {2048, 3072, 4096, 6144, 8192};

const std::vector<psa_algorithm_t>& AllHashes() {
    static const std::vector<psa_algorithm_t> hashes = {
        PSA_ALG_MD2,       PSA_ALG_MD4,         PSA_ALG_MD5,
        PSA_ALG_RIPEMD160, PSA_ALG_SHA_1,       PSA_ALG_AES_MMO_ZIGBEE,
        PSA_ALG_SHA_224,   PSA_ALG_SHA_256,     PSA_ALG_SHA_384,
        PSA_ALG_SHA_512,   PSA_ALG_SHA_512_224, PSA_ALG_SHA_512_256,
        PSA_ALG_SHA3_224,  PSA_ALG_SHA3_256,    PSA_ALG_SHA3_384,
        PSA_ALG_SHA3_512,  PSA_ALG_SM3,         PSA_ALG_SHAKE256_512,
    };
    return hashes;
}

const std::vector<psa_key_type_t> kSymmetricKeyTypes = {
    PSA_KEY_TYPE_AES, PSA_KEY_TYPE_ARIA, PSA_KEY_TYPE_CAMELLIA, PSA_KEY_TYPE_SM4,
    PSA_KEY_TYPE_DES, PSA_KEY_TYPE_ARC4, PSA_KEY_TYPE_CHACHA20, PSA_KEY_TYPE_XCHACHA20,
};

const std::vector<psa_algorithm_t> kCipherAlgorithms = {
    PSA_ALG_STREAM_CIPHER,
    PSA_ALG_CTR,
    PSA_ALG_CFB,
    PSA_ALG_OFB,
    PSA_ALG_CCM_STAR_NO_TAG,
    PSA_ALG_XTS,
    PSA_ALG_ECB_NO_PADDING,
    PSA_ALG_CBC_NO_PADDING,
    PSA_ALG_CBC_PKCS7,
};

const std::vector<psa_algorithm_t> kAeadAlgorithms = {
    PSA_ALG_CCM,
    PSA_ALG_GCM,
    PSA_ALG_CHACHA20_POLY1305,
    PSA_ALG_XCHACHA20_POLY1305,
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4),
    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12),
};

// ---- Independent DER size computations --------------------------------------

// Size of a DER length field for `content` bytes.
size_t DerLengthSize(size_t content) {
    if (content < 0x80) return 1;
    if (content < 0x100) return 2;
    if (content < 0x10000) return 3;
    return 4;
}

// Largest DER INTEGER holding a non-negative value of at most `bits` bits
// (two's complement: one more bit for the sign).
size_t DerIntegerMaxSize(size_t bits) {
    const size_t content = bits / 8 + 1;
    return 1 + DerLengthSize(content) + content;
}

size_t DerSequenceSize(size_t content) { return 1 + DerLengthSize(content) + content; }

// Largest RSAPrivateKey of a `bits`-bit modulus with primes of half size:
// version, n, e (at most the modulus), d, p, q, dp, dq, qinv.
size_t RsaKeyPairDerMaxSize(size_t bits) {
    const size_t half = (bits + 1) / 2;  // Bits of p, q, dp, dq, qinv.
    const size_t version = 3;            // 02 01 00
    return DerSequenceSize(version + 3 * DerIntegerMaxSize(bits) +
                           5 * DerIntegerMaxSize(half));
}

// Largest RSAPublicKey of a `bits`-bit modulus: n and e (at most n).
size_t RsaPublicKeyDerMaxSize(size_t bits) {
    return DerSequenceSize(2 * DerIntegerMaxSize(bits));
}

// ---- Hash and MAC ----------------------------------------------------------------

TEST(HashSizes, MaxSizesCoverEveryHash) {
    for (psa_algorithm_t hash : AllHashes()) {
        SCOPED_TRACE(hash);
        EXPECT_GT(PSA_HASH_LENGTH(hash), 0u);
        EXPECT_LE(PSA_HASH_LENGTH(hash), static_cast<size_t>(PSA_HASH_MAX_SIZE));
        EXPECT_EQ(PSA_HASH_LENGTH(PSA_ALG_HMAC(hash)), PSA_HASH_LENGTH(hash));
        EXPECT_GT(PSA_HASH_BLOCK_LENGTH(hash), 0u);
        EXPECT_LE(PSA_HASH_SUSPEND_OUTPUT_SIZE(hash),
                  static_cast<size_t>(PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE));
    }
    // The maxima are attained: they are not larger than needed.
    EXPECT_EQ(PSA_HASH_LENGTH(PSA_ALG_SHA_512), static_cast<size_t>(PSA_HASH_MAX_SIZE));
    EXPECT_EQ(PSA_HASH_SUSPEND_OUTPUT_SIZE(PSA_ALG_SHA_512),
              static_cast<size_t>(PSA_HASH_SUSPEND_OUTPUT_MAX_SIZE));
}

TEST(HashSizes, SuspendStateIsTheSumOfItsFields) {
    for (psa_algorithm_t hash : AllHashes()) {
        SCOPED_TRACE(hash);
        const size_t state = PSA_HASH_SUSPEND_HASH_STATE_FIELD_LENGTH(hash);
        if (state == 0) {
            EXPECT_EQ(PSA_HASH_SUSPEND_OUTPUT_SIZE(hash), 0u);
            EXPECT_EQ(PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(hash), 0u);
            continue;
        }
        EXPECT_EQ(PSA_HASH_SUSPEND_OUTPUT_SIZE(hash),
                  PSA_HASH_SUSPEND_ALGORITHM_FIELD_LENGTH +
                      PSA_HASH_SUSPEND_INPUT_LENGTH_FIELD_LENGTH(hash) + state +
                      PSA_HASH_BLOCK_LENGTH(hash) - 1);
    }
}

TEST(MacSizes, LengthFollowsAlgorithmAndKey) {
    for (psa_algorithm_t hash : AllHashes()) {
        SCOPED_TRACE(hash);
        EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, PSA_ALG_HMAC(hash)),
                  PSA_HASH_LENGTH(hash));
        EXPECT_LE(PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256, PSA_ALG_HMAC(hash)),
                  static_cast<size_t>(PSA_MAC_MAX_SIZE));
    }
    EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_CMAC), 16u);
    EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_DES, 192, PSA_ALG_CMAC), 8u);
    EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_ARIA, 256, PSA_ALG_CBC_MAC), 16u);
    EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_HMAC, 256,
                             PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 10)),
              10u);
    EXPECT_EQ(
        PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_TRUNCATED_MAC(PSA_ALG_CMAC, 4)),
        4u);
    EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_GCM), 0u);
    EXPECT_EQ(PSA_MAC_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_SHA_256), 0u);
}

// ---- Unauthenticated ciphers -------------------------------------------------------

TEST(CipherSizes, BlockLengths) {
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_AES), 16u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_ARIA), 16u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_CAMELLIA), 16u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_SM4), 16u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_DES), 8u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_CHACHA20), 1u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_XCHACHA20), 1u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_ARC4), 1u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_HMAC), 0u);
    EXPECT_EQ(PSA_BLOCK_CIPHER_BLOCK_LENGTH(PSA_KEY_TYPE_RSA_KEY_PAIR), 0u);
}

TEST(CipherSizes, IvLengths) {
    for (psa_algorithm_t alg : {PSA_ALG_CTR, PSA_ALG_CFB, PSA_ALG_OFB, PSA_ALG_XTS,
                                PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7}) {
        SCOPED_TRACE(alg);
        EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, alg), 16u);
        EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_DES, alg), 8u);
    }
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING), 0u);
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_CCM_STAR_NO_TAG), 13u);
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_CHACHA20, PSA_ALG_STREAM_CIPHER), 12u);
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_XCHACHA20, PSA_ALG_STREAM_CIPHER), 24u);
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_ARC4, PSA_ALG_STREAM_CIPHER), 0u);
    // Invalid combinations.
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CBC_PKCS7), 0u);
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_DES, PSA_ALG_CCM_STAR_NO_TAG), 0u);
    EXPECT_EQ(PSA_CIPHER_IV_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_GCM), 0u);
}

TEST(CipherSizes, SinglePartOutputs) {
    for (size_t n = 0; n <= 64; ++n) {
        SCOPED_TRACE(n);
        // IV, then the message padded to the next whole block (a full block
        // of padding when already aligned).
        EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7, n),
                  16 + (n / 16 + 1) * 16);
        EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_DES, PSA_ALG_CBC_PKCS7, n),
                  8 + (n / 8 + 1) * 8);
        EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CTR, n),
                  16 + n);
        EXPECT_EQ(
            PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_ECB_NO_PADDING, n),
            n);
        EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_CHACHA20,
                                                 PSA_ALG_STREAM_CIPHER, n),
                  12 + n);
        // Decryption outputs the input less the IV.
        EXPECT_EQ(PSA_CIPHER_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CTR, n + 16),
                  n);
        EXPECT_EQ(PSA_CIPHER_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CBC_PKCS7,
                                                 16 + (n / 16 + 1) * 16),
                  (n / 16 + 1) * 16);
    }
    EXPECT_EQ(PSA_CIPHER_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CTR, 5), 0u);
    EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_HMAC, PSA_ALG_CTR, 10), 0u);
    EXPECT_EQ(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, 10), 0u);
}

// Output of one psa_cipher_update() of an engine that holds back input, for
// each way of holding back that a multi-part mode can need.
enum class Buffering { kPartialBlock, kLastBlock, kLastTwoBlocks };

size_t UpdateOutput(Buffering buffering, size_t block, size_t pending, size_t input,
                    size_t* pending_after) {
    const size_t total = pending + input;
    size_t kept = total % block;
    switch (buffering) {
        case Buffering::kPartialBlock:  // ECB, CBC, CBC-PKCS#7 encryption.
            break;
        case Buffering::kLastBlock:  // CBC-PKCS#7 decryption keeps the padded block.
            if (total > 0 && kept == 0) kept = block;
            break;
        case Buffering::kLastTwoBlocks:  // XTS keeps the blocks it may steal over.
            kept = total < block ? total : block + total % block;
            break;
    }
    *pending_after = kept;
    return total - kept;
}

TEST(CipherSizes, MultiPartOutputsCoverBlockBuffering) {
    struct Case {
        psa_algorithm_t alg;
        Buffering buffering;
    };
    const Case cases[] = {
        {PSA_ALG_ECB_NO_PADDING, Buffering::kPartialBlock},
        {PSA_ALG_CBC_NO_PADDING, Buffering::kPartialBlock},
        {PSA_ALG_CBC_PKCS7, Buffering::kPartialBlock},
        {PSA_ALG_CBC_PKCS7, Buffering::kLastBlock},
        {PSA_ALG_XTS, Buffering::kLastTwoBlocks},
    };
    for (psa_key_type_t key_type : {PSA_KEY_TYPE_AES, PSA_KEY_TYPE_DES}) {
        const size_t block = PSA_BLOCK_CIPHER_BLOCK_LENGTH(key_type);
        for (const Case& c : cases) {
            SCOPED_TRACE(testing::Message()
                         << "key type " << key_type << " alg " << c.alg);
            // Every pending amount reachable, then every input length.
            for (size_t first = 0; first <= 3 * block; ++first) {
                size_t pending = 0;
                UpdateOutput(c.buffering, block, 0, first, &pending);
                for (size_t input = 0; input <= 3 * block; ++input) {
                    size_t after = 0;
                    const size_t output =
                        UpdateOutput(c.buffering, block, pending, input, &after);
                    EXPECT_LE(output,
                              PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, c.alg, input));
                    EXPECT_LE(output, PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(input));
                    // psa_cipher_finish() outputs the padded last block of
                    // a CBC-PKCS#7 encryption, the unpadded held-back block
                    // of a decryption (less than a block), the blocks XTS
                    // held back; modes without padding end on a whole block
                    // (anything else is an error) and output nothing.
                    size_t finish = 0;
                    if (c.buffering == Buffering::kLastBlock) {
                        finish = after == 0 ? 0 : after - 1;
                    } else if (c.alg == PSA_ALG_CBC_PKCS7) {
                        finish = block;
                    } else if (c.alg == PSA_ALG_XTS) {
                        finish = after;
                    }
                    EXPECT_LE(finish, PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, c.alg));
                    EXPECT_LE(finish,
                              static_cast<size_t>(PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE));
                }
            }
        }
    }
    // Stream modes output as much as they take in, and nothing at the end.
    for (psa_algorithm_t alg :
         {PSA_ALG_CTR, PSA_ALG_CFB, PSA_ALG_OFB, PSA_ALG_CCM_STAR_NO_TAG}) {
        EXPECT_EQ(PSA_CIPHER_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg, 17), 17u);
        EXPECT_EQ(PSA_CIPHER_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, alg), 0u);
    }
}

TEST(CipherSizes, MaxSizesCoverEveryKeyAndAlgorithm) {
    for (psa_key_type_t key_type : kSymmetricKeyTypes) {
        for (psa_algorithm_t alg : kCipherAlgorithms) {
            SCOPED_TRACE(testing::Message() << key_type << " " << alg);
            EXPECT_LE(PSA_CIPHER_IV_LENGTH(key_type, alg),
                      static_cast<size_t>(PSA_CIPHER_IV_MAX_SIZE));
            EXPECT_LE(PSA_CIPHER_FINISH_OUTPUT_SIZE(key_type, alg),
                      static_cast<size_t>(PSA_CIPHER_FINISH_OUTPUT_MAX_SIZE));
            for (size_t n = 0; n <= 100; ++n) {
                EXPECT_LE(PSA_CIPHER_ENCRYPT_OUTPUT_SIZE(key_type, alg, n),
                          PSA_CIPHER_ENCRYPT_OUTPUT_MAX_SIZE(n));
                EXPECT_LE(PSA_CIPHER_DECRYPT_OUTPUT_SIZE(key_type, alg, n),
                          PSA_CIPHER_DECRYPT_OUTPUT_MAX_SIZE(n));
                EXPECT_LE(PSA_CIPHER_UPDATE_OUTPUT_SIZE(key_type, alg, n),
                          PSA_CIPHER_UPDATE_OUTPUT_MAX_SIZE(n));
            }
        }
    }
}

// ---- AEAD ---------------------------------------------------------------------------

TEST(AeadSizes, NonceAndTagLengths) {
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_CCM), 13u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_ARIA, PSA_ALG_CCM), 13u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_GCM), 12u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_CAMELLIA,
                                    PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_GCM, 12)),
              12u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305),
              12u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_XCHACHA20, PSA_ALG_XCHACHA20_POLY1305),
              24u);
    EXPECT_EQ(
        PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES,
                              PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG(PSA_ALG_CCM, 8)),
        13u);
    // Invalid combinations.
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_DES, PSA_ALG_CCM), 0u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_CHACHA20_POLY1305), 0u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_CHACHA20, PSA_ALG_XCHACHA20_POLY1305),
              0u);
    EXPECT_EQ(PSA_AEAD_NONCE_LENGTH(PSA_KEY_TYPE_AES, PSA_ALG_CTR), 0u);

    EXPECT_EQ(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 128, PSA_ALG_GCM), 16u);
    EXPECT_EQ(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_AES, 256,
                                  PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 4)),
              4u);
    EXPECT_EQ(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_CHACHA20, 256, PSA_ALG_CHACHA20_POLY1305),
              16u);
    EXPECT_EQ(PSA_AEAD_TAG_LENGTH(PSA_KEY_TYPE_DES, 192, PSA_ALG_GCM), 0u);
}

TEST(AeadSizes, SingleAndMultiPartOutputs) {
    for (size_t n = 0; n <= 64; ++n) {
        SCOPED_TRACE(n);
        EXPECT_EQ(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, n), n + 16);
        EXPECT_EQ(
            PSA_AEAD_ENCRYPT_OUTPUT_SIZE(
                PSA_KEY_TYPE_AES, PSA_ALG_AEAD_WITH_SHORTENED_TAG(PSA_ALG_CCM, 8), n),
            n + 8);
        EXPECT_EQ(PSA_AEAD_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, n + 16), n);
        EXPECT_EQ(PSA_AEAD_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_CHACHA20,
                                              PSA_ALG_CHACHA20_POLY1305, n),
                  n);
        // A block-cipher mode holding back a partial block (pending < 16).
        for (size_t pending = 0; pending < 16; ++pending) {
            const size_t output = (pending + n) / 16 * 16;
            EXPECT_LE(output,
                      PSA_AEAD_UPDATE_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, n));
            EXPECT_LE(pending,
                      PSA_AEAD_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM));
            EXPECT_LE(pending,
                      PSA_AEAD_VERIFY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_CCM));
        }
    }
    EXPECT_EQ(PSA_AEAD_DECRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_AES, PSA_ALG_GCM, 15), 0u);
    EXPECT_EQ(
        PSA_AEAD_FINISH_OUTPUT_SIZE(PSA_KEY_TYPE_CHACHA20, PSA_ALG_CHACHA20_POLY1305),
        0u);
    EXPECT_EQ(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_DES, PSA_ALG_GCM, 10), 0u);
}

TEST(AeadSizes, MaxSizesCoverEveryKeyAndAlgorithm) {
    for (psa_key_type_t key_type : kSymmetricKeyTypes) {
        for (psa_algorithm_t alg : kAeadAlgorithms) {
            SCOPED_TRACE(testing::Message() << key_type << " " << alg);
            EXPECT_LE(PSA_AEAD_NONCE_LENGTH(key_type, alg),
                      static_cast<size_t>(PSA_AEAD_NONCE_MAX_SIZE));
            EXPECT_LE(PSA_AEAD_TAG_LENGTH(key_type, 256, alg),
                      static_cast<size_t>(PSA_AEAD_TAG_MAX_SIZE));
            EXPECT_LE(PSA_AEAD_FINISH_OUTPUT_SIZE(key_type, alg),
                      static_cast<size_t>(PSA_AEAD_FINISH_OUTPUT_MAX_SIZE));
            EXPECT_LE(PSA_AEAD_VERIFY_OUTPUT_SIZE(key_type, alg),
                      static_cast<size_t>(PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE));
            for (size_t n = 0; n <= 100; ++n) {
                EXPECT_LE(PSA_AEAD_ENCRYPT_OUTPUT_SIZE(key_type, alg, n),
                          PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(n));
                EXPECT_LE(PSA_AEAD_DECRYPT_OUTPUT_SIZE(key_type, alg, n),
                          PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(n));
                EXPECT_LE(PSA_AEAD_UPDATE_OUTPUT_SIZE(key_type, alg, n),
                          PSA_AEAD_UPDATE_OUTPUT_MAX_SIZE(n));
            }
        }
    }
}

// ---- Key export -----------------------------------------------------------------------

TEST(ExportSizes, SymmetricKeysAreTheirBytes) {
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, 256), 32u);
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_DES, 192), 24u);
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_HMAC, 1024), 128u);
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RAW_DATA, 12), 2u);
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_PASSWORD, 80), 10u);
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_NONE, 128), 0u);
    EXPECT_EQ(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_AES, 128), 0u);
}

TEST(ExportSizes, EllipticCurveKeysHaveTheirFormatSize) {
    struct Expected {
        Curve curve;
        size_t private_key;
        size_t public_key;
    };
    const Expected expected[] = {
        {{PSA_ECC_FAMILY_SECP_R1, 256}, 32, 65},  // Uncompressed 04 || x || y.
        {{PSA_ECC_FAMILY_SECP_R1, 384}, 48, 97},
        {{PSA_ECC_FAMILY_SECP_R1, 521}, 66, 133},
        {{PSA_ECC_FAMILY_SECP_K1, 225}, 29, 59},
        {{PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512}, 64, 129},
        {{PSA_ECC_FAMILY_SECT_K1, 571}, 72, 145},
        {{PSA_ECC_FAMILY_MONTGOMERY, 255}, 32, 32},       // X25519 (RFC 7748).
        {{PSA_ECC_FAMILY_MONTGOMERY, 448}, 56, 56},       // X448.
        {{PSA_ECC_FAMILY_TWISTED_EDWARDS, 255}, 32, 32},  // Ed25519 (RFC 8032).
        {{PSA_ECC_FAMILY_TWISTED_EDWARDS, 448}, 57, 57},  // Ed448.
    };
    for (const Expected& e : expected) {
        SCOPED_TRACE(testing::Message() << int{e.curve.family} << "/" << e.curve.bits);
        const psa_key_type_t pair = PSA_KEY_TYPE_ECC_KEY_PAIR(e.curve.family);
        const psa_key_type_t pub = PSA_KEY_TYPE_ECC_PUBLIC_KEY(e.curve.family);
        EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(pair, e.curve.bits), e.private_key);
        EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(pub, e.curve.bits), e.public_key);
        EXPECT_EQ(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(pair, e.curve.bits), e.public_key);
        EXPECT_EQ(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(pub, e.curve.bits), e.public_key);
    }
}

TEST(ExportSizes, SpakeAndDiffieHellmanKeys) {
    const psa_ecc_family_t r1 = PSA_ECC_FAMILY_SECP_R1;
    // Key pair w0 || w1; public key w0 || L.
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(r1), 256), 64u);
    EXPECT_EQ(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(r1), 256),
              32u + 65u);
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(
                  PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_TWISTED_EDWARDS), 255),
              64u);
    const psa_dh_family_t ffdhe = PSA_DH_FAMILY_RFC7919;
    EXPECT_EQ(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_DH_KEY_PAIR(ffdhe), 2048), 256u);
    EXPECT_EQ(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_DH_KEY_PAIR(ffdhe), 3072),
              384u);
}

TEST(ExportSizes, RsaBoundsTheWorstCaseDerEncoding) {
    for (size_t bits : kRsaBits) {
        SCOPED_TRACE(bits);
        const size_t pair = PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, bits);
        const size_t pub = PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, bits);
        EXPECT_GE(pair, RsaKeyPairDerMaxSize(bits));
        EXPECT_GE(pub, RsaPublicKeyDerMaxSize(bits));
        // Not wastefully large either.
        EXPECT_LE(pair, RsaKeyPairDerMaxSize(bits) + 32);
        EXPECT_LE(pub, RsaPublicKeyDerMaxSize(bits) + 8);
        EXPECT_EQ(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, bits),
                  pub);
    }
    // Common real keys with e = 65537: a 2048-bit public key takes 270 bytes,
    // a key pair at most 1194.
    EXPECT_GE(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048), 270u);
    EXPECT_GE(PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048), 1194u);
}

TEST(ExportSizes, MaxSizesCoverEverySupportedKey) {
    std::vector<std::pair<psa_key_type_t, size_t>> pairs;
    for (size_t bits : kRsaBits) pairs.emplace_back(PSA_KEY_TYPE_RSA_KEY_PAIR, bits);
    for (size_t bits : kDhBits) {
        pairs.emplace_back(PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919), bits);
    }
    for (const Curve& c : AllCurves()) {
        pairs.emplace_back(PSA_KEY_TYPE_ECC_KEY_PAIR(c.family), c.bits);
        pairs.emplace_back(PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(c.family), c.bits);
    }
    for (const auto& [type, bits] : pairs) {
        SCOPED_TRACE(testing::Message() << type << "/" << bits);
        EXPECT_GT(PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits), 0u);
        EXPECT_LE(PSA_EXPORT_KEY_OUTPUT_SIZE(type, bits),
                  static_cast<size_t>(PSA_EXPORT_KEY_PAIR_MAX_SIZE));
        EXPECT_GT(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits), 0u);
        EXPECT_LE(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(type, bits),
                  static_cast<size_t>(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE));
    }
    EXPECT_EQ(static_cast<size_t>(PSA_EXPORT_KEY_PAIR_MAX_SIZE),
              PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR,
                                         PSA_VENDOR_RSA_MAX_KEY_BITS));
    EXPECT_EQ(static_cast<size_t>(PSA_EXPORT_PUBLIC_KEY_MAX_SIZE),
              PSA_EXPORT_KEY_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY,
                                         PSA_VENDOR_RSA_MAX_KEY_BITS));
}

// ---- Signature, asymmetric encryption, key agreement ----------------------------------

TEST(SignatureSizes, FollowTheKeyType) {
    const psa_algorithm_t ecdsa = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
    EXPECT_EQ(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048,
                                   PSA_ALG_RSA_PSS(PSA_ALG_SHA_256)),
              256u);
    EXPECT_EQ(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 3072,
                                   PSA_ALG_RSA_PKCS1V15_SIGN_RAW),
              384u);
    EXPECT_EQ(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                                   ecdsa),
              64u);
    EXPECT_EQ(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 521,
                                   PSA_ALG_ECDSA_ANY),
              132u);
    EXPECT_EQ(
        PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS),
                             255, PSA_ALG_PURE_EDDSA),
        64u);
    EXPECT_EQ(
        PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS),
                             448, PSA_ALG_ED448PH),
        114u);
    EXPECT_EQ(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_AES, 128, ecdsa), 0u);
    EXPECT_EQ(
        PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048, PSA_ALG_RSA_PKCS1V15_CRYPT),
        0u);
    for (size_t bits : kRsaBits) {
        EXPECT_LE(PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, bits,
                                       PSA_ALG_RSA_PSS(PSA_ALG_SHA_256)),
                  static_cast<size_t>(PSA_SIGNATURE_MAX_SIZE));
    }
    for (const Curve& c : AllCurves()) {
        EXPECT_LE(
            PSA_SIGN_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(c.family), c.bits, ecdsa),
            static_cast<size_t>(PSA_SIGNATURE_MAX_SIZE));
    }
}

TEST(AsymmetricEncryptionSizes, PaddingOverheads) {
    const psa_key_type_t rsa = PSA_KEY_TYPE_RSA_KEY_PAIR;
    EXPECT_EQ(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(rsa, 2048, PSA_ALG_RSA_PKCS1V15_CRYPT),
              256u);
    EXPECT_EQ(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_PUBLIC_KEY, 2048,
                                                 PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)),
              256u);
    // RFC 8017: k - 11 for PKCS#1 v1.5, k - 2 hLen - 2 for OAEP.
    EXPECT_EQ(PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(rsa, 2048, PSA_ALG_RSA_PKCS1V15_CRYPT),
              245u);
    EXPECT_EQ(
        PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(rsa, 2048, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_1)),
        214u);
    EXPECT_EQ(
        PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(rsa, 2048, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)),
        190u);
    EXPECT_EQ(
        PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(rsa, 1024, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_512)),
        0u);  // 128 < 2 * 64 + 2: no message fits.
    EXPECT_EQ(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(
                  PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256,
                  PSA_ALG_RSA_PKCS1V15_CRYPT),
              0u);
    for (size_t bits : kRsaBits) {
        EXPECT_LE(
            PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(rsa, bits, PSA_ALG_RSA_PKCS1V15_CRYPT),
            static_cast<size_t>(PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE));
        for (psa_algorithm_t hash : AllHashes()) {
            EXPECT_LE(
                PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(rsa, bits, PSA_ALG_RSA_OAEP(hash)),
                static_cast<size_t>(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE));
        }
        EXPECT_LE(
            PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(rsa, bits, PSA_ALG_RSA_PKCS1V15_CRYPT),
            static_cast<size_t>(PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE));
    }
}

TEST(KeyAgreementSizes, SharedSecretIsOneCoordinateOrGroupElement) {
    EXPECT_EQ(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
                  PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 256),
              32u);
    EXPECT_EQ(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
                  PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 521),
              66u);
    EXPECT_EQ(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
                  PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 255),
              32u);
    EXPECT_EQ(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
                  PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_MONTGOMERY), 448),
              56u);
    EXPECT_EQ(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
                  PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919), 2048),
              256u);
    EXPECT_EQ(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(PSA_KEY_TYPE_RSA_KEY_PAIR, 2048), 0u);
    for (const Curve& c : AllCurves()) {
        EXPECT_LE(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(PSA_KEY_TYPE_ECC_KEY_PAIR(c.family),
                                                    c.bits),
                  static_cast<size_t>(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE));
    }
    for (size_t bits : kDhBits) {
        EXPECT_LE(PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(
                      PSA_KEY_TYPE_DH_KEY_PAIR(PSA_DH_FAMILY_RFC7919), bits),
                  static_cast<size_t>(PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE));
    }
}

// ---- PAKE
// ----------------------------------------------------------------------------------

TEST(PakeSizes, StepsCarryElementsScalarsAndMacs) {
    const psa_pake_primitive_t p256 =
        PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
    const psa_pake_primitive_t ed25519 = PSA_PAKE_PRIMITIVE(
        PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_TWISTED_EDWARDS, 255);
    const psa_pake_primitive_t ffdhe3072 =
        PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_DH_FAMILY_RFC7919, 3072);
    const psa_algorithm_t jpake = PSA_ALG_JPAKE(PSA_ALG_SHA_256);

    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(jpake, p256, PSA_PAKE_STEP_KEY_SHARE), 65u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(jpake, p256, PSA_PAKE_STEP_ZK_PUBLIC), 65u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(jpake, p256, PSA_PAKE_STEP_ZK_PROOF), 32u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(jpake, p256, PSA_PAKE_STEP_CONFIRM), 0u);
    EXPECT_EQ(PSA_PAKE_INPUT_SIZE(jpake, ffdhe3072, PSA_PAKE_STEP_KEY_SHARE), 384u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), p256,
                                   PSA_PAKE_STEP_CONFIRM),
              32u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_512), ed25519,
                                   PSA_PAKE_STEP_CONFIRM),
              64u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256), p256,
                                   PSA_PAKE_STEP_CONFIRM),
              16u);
    EXPECT_EQ(PSA_PAKE_INPUT_SIZE(PSA_ALG_SPAKE2P_MATTER, p256, PSA_PAKE_STEP_CONFIRM),
              32u);
    EXPECT_EQ(PSA_PAKE_INPUT_SIZE(PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256), ed25519,
                                  PSA_PAKE_STEP_KEY_SHARE),
              32u);
    EXPECT_EQ(PSA_PAKE_OUTPUT_SIZE(PSA_ALG_SHA_256, p256, PSA_PAKE_STEP_KEY_SHARE), 0u);

    for (psa_algorithm_t alg :
         {jpake, PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_512),
          PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256), PSA_ALG_SPAKE2P_MATTER}) {
        for (psa_pake_step_t step : {PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC,
                                     PSA_PAKE_STEP_ZK_PROOF, PSA_PAKE_STEP_CONFIRM}) {
            std::vector<psa_pake_primitive_t> primitives;
            for (const Curve& c : AllCurves()) {
                primitives.push_back(
                    PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, c.family, c.bits));
            }
            for (size_t bits : kDhBits) {
                primitives.push_back(PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH,
                                                        PSA_DH_FAMILY_RFC7919, bits));
            }
            for (psa_pake_primitive_t primitive : primitives) {
                EXPECT_LE(PSA_PAKE_OUTPUT_SIZE(alg, primitive, step),
                          static_cast<size_t>(PSA_PAKE_OUTPUT_MAX_SIZE));
                EXPECT_LE(PSA_PAKE_INPUT_SIZE(alg, primitive, step),
                          static_cast<size_t>(PSA_PAKE_INPUT_MAX_SIZE));
            }
        }
    }
}

}  // namespace
