package browsertest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPDFPages(t *testing.T) {
	pdf := []byte("%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>>\n2 0 obj <</Type /Page /MediaBox [0 0 594.96 841.92]>>\n3 0 obj <</Type/Page /MediaBox [0 0 594.96 841.92]>>\n")
	n, w, h, err := PDFPages(pdf)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "/Pages is not a page")
	assert.InDelta(t, 594.96, w, 0.001)
	assert.InDelta(t, 841.92, h, 0.001)
	_, _, _, err = PDFPages([]byte("%PDF-1.4\n"))
	assert.Error(t, err)
	_, _, _, err = PDFPages([]byte("/MediaBox [0 0 x y]"))
	assert.Error(t, err)
}
