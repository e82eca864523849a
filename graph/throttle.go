package graph

import (
	"strings"
	"sync"
	"time"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// Sign-in throttling: after maxLoginFailures failed sign-ins for one email within
// loginFailureWindow, further attempts for it are refused, without looking at the password,
// until the window since the first of those failures has passed. A success clears the count.
// Each process counts its own attempts.
const (
	maxLoginFailures   = 5
	loginFailureWindow = 15 * time.Minute
	loginThrottleSize  = 10_000 // emails tracked before expired entries are swept
)

type loginThrottle struct {
	mu sync.Mutex
	m  map[string]loginFailures
}

type loginFailures struct {
	n     int
	first time.Time
}

func throttleKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// attempt counts a sign-in attempt for email, or refuses it while email is throttled. It
// counts before the password is checked, so that concurrent guesses cannot all slip in
// before the first failure is recorded; a success clears the count.
func (t *loginThrottle) attempt(email string, now time.Time) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[string]loginFailures{}
	}
	key := throttleKey(email)
	f := t.m[key]
	if f.n > 0 && now.Sub(f.first) >= loginFailureWindow {
		f = loginFailures{}
	}
	if f.n >= maxLoginFailures {
		wait := f.first.Add(loginFailureWindow).Sub(now)
		return workflow.Errorf(workflow.EUnauthenticated,
			"too many failed sign-ins for this email: try again in %d minutes", int(wait.Minutes())+1)
	}
	if len(t.m) >= loginThrottleSize {
		for k, old := range t.m {
			if now.Sub(old.first) >= loginFailureWindow {
				delete(t.m, k)
			}
		}
	}
	if f.n == 0 {
		f.first = now
	}
	f.n++
	t.m[key] = f
	return nil
}

// succeeded clears the count of email.
func (t *loginThrottle) succeeded(email string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.m, throttleKey(email))
}
