import HTTPTypes
import Hummingbird
import JWTClaims

extension ReferenceAPIController {
    /// How long the health check waits for the store.
    static var healthCheckTimeout: Duration { .seconds(2) }

    /// `GET /healthz`: 200 `{"status":"ok"}` while the store answers `RefreshTokenStore/checkAvailability()`
    /// within two seconds, 503 `temporarily_unavailable` otherwise.
    func health() async -> Response {
        let store = configuration.store
        let available =
            (try? await withDeadline(Self.healthCheckTimeout) { try await store.checkAvailability() }) != nil
        guard available else {
            return ServiceError.temporarilyUnavailable().makeResponse()
        }
        return Self.json(#"{"status":"ok"}"#)
    }
}
