import Storage
import Testing

@Suite struct DatabaseLocationTests {
    @Test func theDbOptionWinsOverTheEnvironment() {
        #expect(
            DatabaseLocation.path(explicit: "/srv/a.sqlite", environment: ["RATHAUS_DB": "/srv/b.sqlite"])
                == "/srv/a.sqlite")
    }

    @Test func theEnvironmentVariableWinsOverTheDefault() {
        #expect(DatabaseLocation.path(explicit: nil, environment: ["RATHAUS_DB": "/srv/b.sqlite"]) == "/srv/b.sqlite")
    }

    @Test func withoutEitherItIsRathausSqliteInTheWorkingDirectory() {
        #expect(DatabaseLocation.path(explicit: nil, environment: [:]) == "rathaus.sqlite")
        #expect(DatabaseLocation.path(explicit: "", environment: ["RATHAUS_DB": ""]) == "rathaus.sqlite")
    }
}
