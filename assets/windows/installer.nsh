; NSIS additions for the Windows kiosk (electron-builder includes this file, see electron-builder.yml).
; The kiosk starts when the kiosk account logs in (Windows autologin into that account: docs/os-lockdown.md).
; Installed per user, by the kiosk account itself, so the Run key is that account's and nobody else's.

!macro customInstall
  ; Start at login, with the device config the technician put in the kiosk account's profile.
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "PSH Kiosk" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
  ; The packaged kiosk refuses to start without its device config (README, Configuration).
  WriteRegExpandStr HKCU "Environment" "PSH_KIOSK_CONFIG" "%LOCALAPPDATA%\psh-kiosk\kiosk.json"
!macroend

!macro customUnInstall
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "PSH Kiosk"
  DeleteRegValue HKCU "Environment" "PSH_KIOSK_CONFIG"
!macroend
