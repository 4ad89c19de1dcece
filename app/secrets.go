package app

import (
	"errors"
	"sync"

	"github.com/zalando/go-keyring"
)

// Secrets keeps the SMTP password: in the operating system's keyring when there is one,
// otherwise only in memory for this session — never in the database, never in plain text.
type Secrets interface {
	Get(user string) (string, error)
	Set(user, password string) (remembered bool, err error)
	Delete(user string) error
}

// errNoSecret means no password is known for the user.
var errNoSecret = errors.New("no password saved")

const keyringService = "Tandem SMTP"

// KeyringSecrets uses the OS keyring and falls back to memory when it is unavailable
// (no Secret Service on a Linux desktop, for example).
type KeyringSecrets struct {
	mu     sync.Mutex
	memory map[string]string
	// NoKeyring skips the OS keyring (tests, and machines known to have none).
	NoKeyring bool
}

// Get returns the saved password.
func (k *KeyringSecrets) Get(user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if pw, ok := k.memory[user]; ok {
		return pw, nil
	}
	if !k.NoKeyring {
		if pw, err := keyring.Get(keyringService, user); err == nil {
			return pw, nil
		}
	}
	return "", errNoSecret
}

// Set saves the password in the keyring, or in memory for this session when there is none.
func (k *KeyringSecrets) Set(user, password string) (bool, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.memory == nil {
		k.memory = map[string]string{}
	}
	if !k.NoKeyring {
		if err := keyring.Set(keyringService, user, password); err == nil {
			delete(k.memory, user)
			return true, nil
		}
	}
	k.memory[user] = password
	return false, nil
}

// Delete forgets the password everywhere.
func (k *KeyringSecrets) Delete(user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.memory, user)
	if !k.NoKeyring {
		if err := keyring.Delete(keyringService, user); err != nil && !errors.Is(err, keyring.ErrNotFound) {
			return err
		}
	}
	return nil
}

// EnvSecrets is next, except that a password given in the environment (TANDEM_SMTP_PASSWORD,
// for scripts) is the one used for every user.
func EnvSecrets(password string, next Secrets) Secrets {
	if password == "" {
		return next
	}
	return envSecrets{password: password, Secrets: next}
}

type envSecrets struct {
	password string
	Secrets
}

func (e envSecrets) Get(string) (string, error) { return e.password, nil }
