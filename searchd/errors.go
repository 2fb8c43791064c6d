package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"dateline/search"
)

// apiError is the JSON body of every error the API answers.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

// handleError is the one place that turns a handler's error into an answer:
// JSON under /api, an error page elsewhere. 5xx are logged with their cause
// and answered with a generic message.
func (s *server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, body := classify(err)
	if status >= 500 {
		s.log.ErrorContext(c.Request().Context(), "request failed",
			slog.String("uri", c.Request().RequestURI), slog.Any("error", err))
	}
	if isAPI(c.Request().URL.Path) {
		if c.Request().Method == http.MethodHead {
			err = c.NoContent(status)
		} else {
			err = c.JSON(status, apiError{Error: body})
		}
	} else {
		err = s.renderPage(c, status, "error", errorPage{Status: status, Message: body.Message})
	}
	if err != nil {
		s.log.Error("writing error answer", slog.Any("error", err))
	}
}

// classify picks the status and the message a user sees for err.
func classify(err error) (int, apiErrorBody) {
	var pe *search.ParamError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, apiErrorBody{Code: "invalid_parameter", Message: pe.Error(), Param: pe.Param}
	case errors.Is(err, search.ErrNotFound):
		return http.StatusNotFound, apiErrorBody{Code: "not_found", Message: "no article has that id"}
	case errors.As(err, &he):
		msg := http.StatusText(he.Code)
		if m, ok := he.Message.(string); ok {
			msg = m
		}
		if he.Code == http.StatusRequestEntityTooLarge && msg == http.StatusText(he.Code) {
			// echo's body limit says only the status; name the limit.
			msg = fmt.Sprintf("the request body is larger than %d KiB", maxBodyBytes>>10)
		}
		return he.Code, apiErrorBody{Code: codeFor(he.Code), Message: msg}
	}
	return http.StatusInternalServerError, apiErrorBody{Code: "internal", Message: "Internal error."}
}

func codeFor(status int) string {
	switch status {
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusUnsupportedMediaType:
		return "unsupported_media_type"
	case http.StatusConflict:
		return "conflict"
	case http.StatusTooManyRequests:
		return "rate_limited"
	case http.StatusServiceUnavailable:
		return "unavailable"
	}
	if status >= 500 {
		return "internal"
	}
	return "bad_request"
}
