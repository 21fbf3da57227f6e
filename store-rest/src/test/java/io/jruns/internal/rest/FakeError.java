package io.jruns.internal.rest;

/** An MLflow error answer of the fake: {"error_code": ..., "message": ...} with its HTTP status. */
final class FakeError extends RuntimeException {
    final int status;
    final String code;

    FakeError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static FakeError invalid(String message) {
        return new FakeError(400, "INVALID_PARAMETER_VALUE", message);
    }

    static FakeError missing(String message) {
        return new FakeError(404, "RESOURCE_DOES_NOT_EXIST", message);
    }
}
