/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IKEV2_KEY_MATERIAL_H
#define IKEV2_KEY_MATERIAL_H

#include "ikev2-negotiated-algorithms.h"

#include "ns3/crypto-bytes.h"
#include "ns3/crypto-prf.h"

namespace ns3
{

/**
 * \ingroup ipsec
 * \brief The seven keys of an IKE SA (RFC 7296 section 2.14).
 *
 * Encryption keys include the salt of combined-mode ciphers (AES-GCM: key | 4-byte salt, RFC
 * 5282 section 7.1); the integrity keys are empty with those ciphers.
 */
struct Ikev2IkeSaKeys
{
    CryptoBytes skD;  //!< SK_d: derives Child SA keys and a rekeyed IKE SA's SKEYSEED
    CryptoBytes skAi; //!< SK_ai: integrity, initiator to responder
    CryptoBytes skAr; //!< SK_ar: integrity, responder to initiator
    CryptoBytes skEi; //!< SK_ei: encryption, initiator to responder
    CryptoBytes skEr; //!< SK_er: encryption, responder to initiator
    CryptoBytes skPi; //!< SK_pi: the initiator's AUTH payload
    CryptoBytes skPr; //!< SK_pr: the responder's AUTH payload
};

/**
 * \ingroup ipsec
 * \brief The keys of one Child SA pair (RFC 7296 section 2.17): one SA each way.
 *
 * Encryption keys include the salt where the cipher needs one (AES-GCM, AES-CTR); they are
 * empty for AH. Integrity keys are empty with combined-mode ciphers.
 */
struct Ikev2ChildSaKeys
{
    CryptoBytes encryptionInitiatorToResponder; //!< the SA carrying initiator -> responder
    CryptoBytes integrityInitiatorToResponder;  //!< the SA carrying initiator -> responder
    CryptoBytes encryptionResponderToInitiator; //!< the SA carrying responder -> initiator
    CryptoBytes integrityResponderToInitiator;  //!< the SA carrying responder -> initiator
};

/**
 * \ingroup ipsec
 * \brief IKEv2 key derivation (RFC 7296 sections 2.13, 2.14, 2.17 and 2.18).
 *
 * The nonces enter the PRF whole: every PRF in the crypto table is an HMAC, which takes keys
 * of any length (RFC 7296 section 2.14 halves them only for fixed-key PRFs such as AES-XCBC).
 */
class Ikev2KeyMaterial
{
  public:
    /**
     * \brief SKEYSEED = prf(Ni | Nr, g^ir) (RFC 7296 section 2.14).
     * \param prf the negotiated PRF
     * \param nonceInitiator Ni (the Nonce payload's data)
     * \param nonceResponder Nr
     * \param sharedSecret g^ir, the group's full-length shared secret
     * \return SKEYSEED
     */
    static CryptoBytes ComputeSkeyseed(const CryptoPrf& prf,
                                       CryptoByteView nonceInitiator,
                                       CryptoByteView nonceResponder,
                                       CryptoByteView sharedSecret);

    /**
     * \brief SKEYSEED of a rekeyed IKE SA = prf(SK_d (old), g^ir (new) | Ni | Nr) (RFC 7296
     * section 2.18), computed with the old IKE SA's PRF because the exchange belongs to it.
     * \param oldPrf the PRF of the IKE SA being rekeyed
     * \param oldSkD SK_d of the IKE SA being rekeyed
     * \param sharedSecret g^ir of the CREATE_CHILD_SA exchange's KE payloads
     * \param nonceInitiator Ni of the CREATE_CHILD_SA exchange
     * \param nonceResponder Nr of the CREATE_CHILD_SA exchange
     * \return the new SKEYSEED
     */
    static CryptoBytes ComputeRekeySkeyseed(const CryptoPrf& oldPrf,
                                            CryptoByteView oldSkD,
                                            CryptoByteView sharedSecret,
                                            CryptoByteView nonceInitiator,
                                            CryptoByteView nonceResponder);

    /**
     * \brief {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr} = prf+(SKEYSEED, Ni | Nr |
     * SPIi | SPIr) (RFC 7296 section 2.14). SK_d, SK_pi and SK_pr have the PRF's preferred key
     * length (its output length for HMAC); SK_a* the integrity key length; SK_e* the cipher's
     * key plus salt.
     * \param algorithms the IKE SA's algorithms (for a rekey, the new SA's)
     * \param skeyseed SKEYSEED
     * \param nonceInitiator Ni
     * \param nonceResponder Nr
     * \param spiInitiator the initiator's 8-byte IKE SPI (for a rekey, the new one)
     * \param spiResponder the responder's 8-byte IKE SPI
     * \return the keys
     */
    static Ikev2IkeSaKeys DeriveIkeSaKeys(const Ikev2IkeSaAlgorithms& algorithms,
                                          CryptoByteView skeyseed,
                                          CryptoByteView nonceInitiator,
                                          CryptoByteView nonceResponder,
                                          CryptoByteView spiInitiator,
                                          CryptoByteView spiResponder);

    /**
     * \brief KEYMAT = prf+(SK_d, [g^ir (new) |] Ni | Nr) (RFC 7296 section 2.17), taken as
     * encryption key then integrity key of the initiator-to-responder SA, then the same for the
     * responder-to-initiator SA.
     * \param prf the IKE SA's PRF
     * \param skD the IKE SA's SK_d
     * \param algorithms the Child SA's algorithms
     * \param nonceInitiator Ni of the exchange that creates the Child SA (IKE_AUTH: the
     *        IKE_SA_INIT nonces)
     * \param nonceResponder Nr of that exchange
     * \param pfsSharedSecret g^ir of the CREATE_CHILD_SA KE payloads; empty without PFS
     * \return the keys
     */
    static Ikev2ChildSaKeys DeriveChildSaKeys(const CryptoPrf& prf,
                                              CryptoByteView skD,
                                              const Ikev2ChildSaAlgorithms& algorithms,
                                              CryptoByteView nonceInitiator,
                                              CryptoByteView nonceResponder,
                                              CryptoByteView pfsSharedSecret = {});
};

} // namespace ns3

#endif /* IKEV2_KEY_MATERIAL_H */
