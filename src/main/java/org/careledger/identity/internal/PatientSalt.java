package org.careledger.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The salt of a patient's health-details hash, encrypted under the master key. */
@Entity
@Table(name = "patient_salts")
public class PatientSalt {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "encrypted_salt", nullable = false)
    private byte[] encryptedSalt;

    protected PatientSalt() {
    }

    public PatientSalt(Long userId, byte[] encryptedSalt) {
        this.userId = userId;
        this.encryptedSalt = encryptedSalt.clone();
    }

    public byte[] getEncryptedSalt() {
        return encryptedSalt.clone();
    }
}
