package main

import (
	"io"
	"strings"
	"testing"
)

// parseWith parses args with env as the environment.
func parseWith(env map[string]string, args ...string) (config, error) {
	return parseConfig(args, func(k string) string { return env[k] }, io.Discard)
}

// The defaults make a valid configuration.
func TestConfigDefaultsAreValid(t *testing.T) {
	c, err := parseWith(nil)
	if err != nil {
		t.Fatalf("defaults: %v", err)
	}
	if c.MaxUploadMB != 10 || c.RetainDecided <= 0 || c.PublicURL != "http://localhost:8080" {
		t.Fatalf("defaults: %+v", c)
	}
}

// Nonsense is refused at start-up, naming the setting, whether it comes from a flag or the
// environment; before, a value that did not parse silently read as 0 (RETENTION_DECIDED=5y
// kept photos forever), and a negative flag such as -case-token-ttl went through.
func TestConfigRefusesNonsense(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"negative token TTL flag", nil, []string{"-case-token-ttl", "-5h"}, "CASE_TOKEN_TTL"},
		{"negative token TTL env", map[string]string{"CASE_TOKEN_TTL": "-1h"}, nil, "CASE_TOKEN_TTL"},
		{"retention that does not parse", map[string]string{"RETENTION_DECIDED": "5y"}, nil, "RETENTION_DECIDED"},
		{"negative retention", nil, []string{"-retention-unsubmitted", "-1h"}, "RETENTION_UNSUBMITTED"},
		{"upload size that does not parse", map[string]string{"MAX_UPLOAD_MB": "ten"}, nil, "MAX_UPLOAD_MB"},
		{"zero upload size", nil, []string{"-max-upload-mb", "0"}, "MAX_UPLOAD_MB"},
		{"negative rate limit", nil, []string{"-case-rate-limit", "-3"}, "CASE_RATE_LIMIT"},
		{"negative login limit", map[string]string{"LOGIN_RATE_LIMIT": "-1"}, nil, "LOGIN_RATE_LIMIT"},
		{"negative drain delay", nil, []string{"-drain-delay", "-1s"}, "DRAIN_DELAY"},
		{"drain delay that does not parse", map[string]string{"DRAIN_DELAY": "soon"}, nil, "DRAIN_DELAY"},
		{"zero review SLA", nil, []string{"-review-sla", "0s"}, "REVIEW_SLA"},
		{"unknown log format", nil, []string{"-log-format", "xml"}, "LOG_FORMAT"},
		{"public URL without a scheme", nil, []string{"-public-url", "kyc.example.com"}, "PUBLIC_URL"},
		{"app origin without a scheme", map[string]string{"APP_ORIGINS": "kyc.example.com"}, nil, "APP_ORIGINS"},
		{"reviewer email without password", map[string]string{"KYC_REVIEWER_EMAIL": "a@example.com"}, nil, "KYC_REVIEWER_PASSWORD"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseWith(tt.env, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error naming %s", err, tt.want)
			}
		})
	}
}
