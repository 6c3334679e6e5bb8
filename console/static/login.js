// The sign-in link's page: post the single-use token at once. A GET alone uses nothing, so a
// link preview that fetches the URL does not spend the link; a person's browser runs this.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("login");
  if (form) { form.submit(); }
});
