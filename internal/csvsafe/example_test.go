package csvsafe_test

import (
	"fmt"

	"github.com/retecomuni/eli2sdk/internal/csvsafe"
)

func ExampleCell() {
	fmt.Println(csvsafe.Cell("=HYPERLINK(\"http://x\")"), csvsafe.Cell("+39 055 123"), csvsafe.Cell("Rossi"))
	// Output: '=HYPERLINK("http://x") '+39 055 123 Rossi
}
