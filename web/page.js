// Starts the rasa-webchat widget (from npm, served as /webchat.js) against Rasa's socket.io channel.
// window.ADVISOR_CONFIG comes from /config.js, written by the page server from RASA_PORT / RASA_URL.
(function () {
  "use strict";
  var config = window.ADVISOR_CONFIG;
  window.WebChat.default({
    embedded: true,
    initPayload: "/greet",
    socketUrl: config.socketUrl,
    socketPath: "/socket.io/",
    customData: { language: "en" },
    title: "Azure certification path advisor",
    subtitle: "Which certification next, and why",
    inputTextFieldHint: "Type a message…",
    hideWhenNotConnected: false,
    customMessageDelay: function () { return 250; },
    params: { storage: "local" }
  }, document.getElementById("webchat"));  // rendered into the page's box, not appended to <body>
})();
