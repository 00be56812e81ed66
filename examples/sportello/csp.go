package main

import (
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
)

var styleBlock = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// letterCSP is the policy of a self-contained letter: the common policy with
// style-src allowing exactly the letter's inline style blocks, by hash
// (CSP level 2; a browser without CSP shows the letter all the same).
func letterCSP(page []byte) string {
	var hashes []string
	for _, m := range styleBlock.FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[1])
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	src := "'none'"
	if len(hashes) > 0 {
		src = strings.Join(hashes, " ")
	}
	return strings.Replace(csp, "style-src 'self'", "style-src "+src, 1)
}
