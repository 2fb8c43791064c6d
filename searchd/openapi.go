package main

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPI is the API's description, kept beside the handlers and checked
// against them by TestOpenAPIMatchesServer.
//
//go:embed openapi.json
var openAPI []byte

func (s *server) handleOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, "application/json", openAPI)
}
