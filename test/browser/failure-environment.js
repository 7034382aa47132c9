// Jest environment for the browser suite: Node's, plus the name of the test whose body just failed
// (jest-circus reports it only to the environment), so the suite can save a screenshot of it.
const { TestEnvironment } = require("jest-environment-node");

class FailureTrackingEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === "test_fn_failure") this.global.__lastFailedTest = event.test.name;
  }
}

module.exports = FailureTrackingEnvironment;
